import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations } from "./support/axe.ts";
import { launchChromium, screenshot } from "./support/browser.ts";
import { canvasNode, clickEdge, connect, dragFromPalette } from "./support/canvas-mouse.ts";
import { FakeFlowdeskApi } from "./support/fake-api.ts";
import { type StaticSite, serveBuiltApp } from "./support/static-server.ts";

// The REST API is the in-memory FAKE in support/fake-api.ts until the real server runs here.

let browser: Browser;
let site: StaticSite;
let context: BrowserContext;
let page: Page;
const api = new FakeFlowdeskApi();

beforeAll(async () => {
  site = await serveBuiltApp();
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: "en-US" });
  page = await context.newPage();
  await api.install(page);
});

afterEach(async (test) => {
  // A failing step keeps a picture of the screen it failed on.
  if (test.task.result?.state === "fail")
    await screenshot(page, `failure-${test.task.name.replace(/\W+/g, "-")}`);
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe("process owner designs a workflow and a form", () => {
  it("builds a workflow from an empty canvas with the mouse", async () => {
    // given an empty workflow
    await page.goto(`${site.url}/#/workflows/laptop-request`);
    await page.locator(".react-flow__pane").waitFor();
    // when the steps are dragged from the palette
    await dragFromPalette(page, "start", 80, 220);
    await dragFromPalette(page, "user-task", 300, 220);
    await dragFromPalette(page, "decision", 540, 220);
    await dragFromPalette(page, "end", 780, 100);
    await dragFromPalette(page, "end", 780, 340);
    // and connected
    await connect(page, "start-1", "user-task-1");
    await connect(page, "user-task-1", "decision-1");
    await connect(page, "decision-1", "end-1");
    await screenshot(page, "01-designer-drawing");
    // then
    await expect.poll(() => page.locator(".react-flow__node").count()).toBe(5);
    await expect.poll(() => page.locator(".react-flow__edge").count()).toBe(3);
  });

  it("sees the unconnected end flagged, selects it from the problems panel and fixes it", async () => {
    // given the second end is not connected
    const problem = page.locator(".problem", { hasText: '"end-2"' });
    await problem.first().waitFor();
    // when the problem is chosen
    await problem.first().locator("button").click();
    // then the end is selected, and connecting it clears the problem
    await expect.poll(() => canvasNode(page, "end-2").getAttribute("class")).toContain("selected");
    await connect(page, "decision-1", "end-2");
    await expect.poll(() => problem.count()).toBe(0);
  });

  it("declares a variable and sets a condition and a default path on the decision's edges", async () => {
    // given the workflow settings
    await page.locator(".react-flow__pane").click({ position: { x: 400, y: 500 } });
    await page
      .getByLabel("Variables (JSON Schema)")
      .fill(JSON.stringify({ type: "object", properties: { priority: { type: "string" } } }));
    // when the edges leaving the decision are configured
    await clickEdge(page, "edge-3");
    await page.getByLabel("Condition (CEL)").fill('priority == "P1"');
    await clickEdge(page, "edge-4");
    await page.getByLabel("Default path (taken when no condition holds)").check();
    await screenshot(page, "02-designer-edge-panel");
    // then
    await expect.poll(() => page.locator(".problems__summary").textContent()).toBe("No problems found.");
    await expect.poll(() => page.getByRole("button", { name: "Publish" }).isEnabled()).toBe(true);
  });

  it("undoes and redoes with the keyboard", async () => {
    // given the default path was the last edit
    const edge = page.locator('.react-flow__edge[data-id="edge-4"]');
    await page.locator(".react-flow__pane").click({ position: { x: 400, y: 500 } });
    // when
    await page.keyboard.press("Control+z");
    const afterUndo = await edge.getAttribute("class");
    await page.keyboard.press("Control+Shift+z");
    // then
    expect(afterUndo).not.toContain("is-default");
    await expect.poll(() => edge.getAttribute("class")).toContain("is-default");
  });

  it("publishes, and the published version holds the drawn workflow", async () => {
    // when
    await page.getByRole("button", { name: "Publish" }).click();
    // then
    await page.getByText("Version 1 published.").waitFor();
    const published = api.collections.get("workflows")?.get("laptop-request")?.versions[0]?.definition as {
      nodes: unknown[];
      edges: { id: string; condition?: string; isDefault?: boolean }[];
    };
    expect(published.nodes).toHaveLength(5);
    expect(published.edges.find((edge) => edge.id === "edge-3")?.condition).toBe('priority == "P1"');
    expect(published.edges.find((edge) => edge.id === "edge-4")?.isDefault).toBe(true);
    expect(api.requests.filter((request) => request.method !== "GET").every((request) => request.csrf)).toBe(
      true,
    );
  });

  it("shows the difference between two published versions", async () => {
    // given a second version with a renamed end
    await canvasNode(page, "end-1").click();
    await page.getByLabel("Name", { exact: true }).fill("Laptop ordered");
    await page.getByRole("button", { name: "Publish" }).click();
    await page.getByText("Version 2 published.").waitFor();
    // when the versions are compared
    await page.getByRole("button", { name: "Versions" }).click();
    await page.getByRole("button", { name: "Show differences" }).click();
    await page
      .locator(".diff__canvas .react-flow__node.selected, .diff__canvas .wf-node.is-changed")
      .first()
      .waitFor();
    await screenshot(page, "03-designer-version-diff");
    // then
    await expect.poll(() => page.locator(".diff__key.is-changed").textContent()).toContain("end-1");
    await page.getByRole("button", { name: "Close" }).click();
  });

  it("picks the task's group from the directory with the keyboard", async () => {
    // given the user task's side panel
    await page.getByRole("button", { name: "Fit to screen" }).click();
    await canvasNode(page, "user-task-1").click();
    await page.getByRole("combobox", { name: "Assignee" }).selectOption({ label: "Group" });
    const group = page.getByRole("combobox", { name: /^Group/ });
    // when the owner types part of a name and confirms the first match
    await group.fill("net");
    await expect
      .poll(() => page.locator(".lookup-list [role=option]").allTextContents())
      .toEqual(["Network team network"]);
    await screenshot(page, "08-designer-group-lookup");
    await group.press("Enter");
    // then
    await expect.poll(() => group.inputValue()).toBe("network");
    expect(api.requests.some((request) => request.path === "/directory/groups")).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("inserts a step from the palette with the keyboard, copies, pastes and deletes", async () => {
    // when a palette entry is focused and Enter pressed
    await page.getByRole("button", { name: "Add Notify" }).focus();
    await page.keyboard.press("Enter");
    await canvasNode(page, "notify-1").waitFor();
    // and the new step is copied, pasted, and the copy deleted
    await page.locator(".react-flow__pane").click({ position: { x: 20, y: 20 } });
    await canvasNode(page, "notify-1").click();
    await page.keyboard.press("Control+c");
    await page.keyboard.press("Control+v");
    await canvasNode(page, "notify-2").waitFor();
    await page.keyboard.press("Delete");
    await expect.poll(() => canvasNode(page, "notify-2").count()).toBe(0);
    // then undo brings the copy back, and the original stays
    await page.keyboard.press("Control+z");
    await expect.poll(() => canvasNode(page, "notify-2").count()).toBe(1);
    expect(await canvasNode(page, "notify-1").count()).toBe(1);
  });

  it("lists the workflows", async () => {
    // when
    await page.goto(`${site.url}/#/workflows`);
    // then
    await page.getByRole("link", { name: "laptop-request" }).waitFor();
    await screenshot(page, "00-workflow-list");
    await page.getByRole("link", { name: "laptop-request" }).click();
    await page.locator(".react-flow__node").first().waitFor();
  });

  it("has no serious accessibility violations in the designer", async () => {
    // when
    const violations = await seriousViolations(page);
    // then
    expect(violations).toEqual([]);
  });

  it("builds a form whose details field shows only for the choice Other", async () => {
    // given an empty form
    await page.goto(`${site.url}/#/forms/laptop-form`);
    await page.getByText("Drop a field here, or choose one on the left.").waitFor();
    // when a choice is added with a click and a short text is dragged into the list
    await page.getByRole("button", { name: "Choice", exact: true }).click();
    await page.getByLabel("Label", { exact: true }).fill("Category");
    await page.getByLabel("Choices").fill("Laptop\nOther");
    const list = page.locator(".field-list__items");
    const listBox = await list.boundingBox();
    await page
      .getByRole("button", { name: "Short text", exact: true })
      .dragTo(list, { targetPosition: { x: 100, y: (listBox?.height ?? 60) - 12 } });
    await page.getByLabel("Label", { exact: true }).fill("Details");
    await page.getByLabel("Required").check();
    await page.getByLabel("Show only when").selectOption({ label: "Category" });
    await page.getByLabel("has the value").selectOption("Other");
    // then the preview hides the field until Other is chosen
    const preview = page.locator(".preview");
    await expect.poll(() => preview.getByLabel(/^Details/).count()).toBe(0);
    await screenshot(page, "04-form-designer");
    await preview.getByLabel(/^Category/).selectOption("Other");
    await expect.poll(() => preview.getByLabel(/^Details/).count()).toBe(1);
    await screenshot(page, "05-form-preview-conditional");
  });

  it("has no serious accessibility violations in the form designer and its preview", async () => {
    // when
    const violations = await seriousViolations(page);
    // then
    expect(violations).toEqual([]);
  });

  it("shows schema and uiSchema as JSON, and publishes the form", async () => {
    // when
    await page.getByRole("button", { name: "JSON" }).click();
    const json = await page.locator(".json-view__text").inputValue();
    await screenshot(page, "06-form-json");
    await page.getByRole("button", { name: "Publish" }).click();
    // then
    await page.getByText("Version 1 published.").waitFor();
    expect(JSON.parse(json).schema.allOf[0].then.required).toEqual(["details"]);
    const published = api.collections.get("forms")?.get("laptop-form")?.versions[0]?.definition as {
      schema: { required?: string[] };
    };
    expect(published.schema.required).toBeUndefined();
  });

  it("speaks Simplified Chinese when the language is switched", async () => {
    // when
    await page.goto(`${site.url}/#/workflows/laptop-request`);
    await page.getByLabel("Language").selectOption("zh-CN");
    // then
    await page.getByRole("button", { name: "发布" }).waitFor();
    await screenshot(page, "07-designer-zh-cn");
    expect(await page.locator("html").getAttribute("lang")).toBe("zh-CN");
  });
});
