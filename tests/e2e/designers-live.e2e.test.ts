import { type Problem, validateDefinition, type WorkflowDefinition } from "@flowdesk/core";
import { nodeRegistry } from "@flowdesk/nodes/descriptors";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations } from "./support/axe.ts";
import { launchChromium, screenshot } from "./support/browser.ts";
import { canvasNode, clickEdge, connect, dragFromPalette } from "./support/canvas-mouse.ts";
import { type Flowdesk, signInAs, startFlowdesk } from "./support/real-server.ts";

// The designers against the real server: the ITIL starter pack, a process owner signed in.

let flowdesk: Flowdesk;
let browser: Browser;
let context: BrowserContext;
let page: Page;

interface VersionList {
  items: { version: number; publishedBy: string }[];
}

interface WorkflowVersion {
  definition: WorkflowDefinition;
}

const noHorizontalOverflow = (on: Page) =>
  on.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

/** The problems panel has caught up with the workflow on the canvas. */
const problemsSettled = (on: Page) => on.locator('.problems[aria-busy="false"]').waitFor();

beforeAll(async () => {
  flowdesk = await startFlowdesk();
  await flowdesk.createPeople([
    { username: "olivia", displayName: "Olivia Owner", roles: ["process-owner"] },
  ]);
  browser = await launchChromium();
  ({ context, page } = await signInAs(browser, flowdesk, "olivia"));
  page.setDefaultTimeout(10_000);
});

afterEach(async (test) => {
  // A failing step keeps a picture of the screen it failed on.
  if (test.task.result?.state === "fail")
    await screenshot(page, `failure-live-${test.task.name.replace(/\W+/g, "-")}`);
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await flowdesk?.close();
});

describe("a process owner designs a workflow and a form on the real server", () => {
  it("lists the starter pack's workflows and starts a new one", async () => {
    // given
    await page.goto(`${flowdesk.url}/#/workflows`);
    await page
      .getByRole("link", { name: "incident-management" })
      .or(page.locator("a[href$='/incident-management']"))
      .first()
      .waitFor();
    await screenshot(page, "live-01-workflow-list");
    // when
    await page.getByLabel("New workflow id").fill("laptop-order");
    await page.getByRole("button", { name: "Create" }).click();
    // then
    await page.locator(".react-flow__pane").waitFor();
    expect(await page.locator(".react-flow__node").count()).toBe(0);
  });

  it("builds the workflow from an empty canvas with the mouse and sees a problem flagged", async () => {
    // when the steps are dragged from the palette and connected
    // (the canvas is about 820 × 520 at 1366 × 800; steps are 180 wide, dropped centred)
    await dragFromPalette(page, "start", 100, 200);
    await dragFromPalette(page, "user-task", 310, 200);
    await dragFromPalette(page, "decision", 520, 200);
    await dragFromPalette(page, "end", 720, 80);
    await dragFromPalette(page, "end", 720, 320);
    await connect(page, "start-1", "user-task-1");
    await connect(page, "user-task-1", "decision-1");
    await connect(page, "decision-1", "end-1");
    // then the second end, connected to nothing, is flagged
    await expect.poll(() => page.locator(".react-flow__node").count()).toBe(5);
    await expect.poll(() => page.locator(".react-flow__edge").count()).toBe(3);
    const problem = page.locator(".problem", { hasText: '"end-2"' });
    await problem.first().waitFor();
    await screenshot(page, "live-02-designer-problems");
  });

  it("chooses the problem, which selects the step, and fixes it", async () => {
    // given
    const problem = page.locator(".problem", { hasText: '"end-2"' });
    // when
    await problem.first().locator("button").click();
    // then
    await expect.poll(() => canvasNode(page, "end-2").getAttribute("class")).toContain("selected");
    await connect(page, "decision-1", "end-2");
    await expect.poll(() => problem.count()).toBe(0);
  });

  it("sets a condition and a default path on the decision's edges", async () => {
    // given the workflow's variables
    await page.locator(".react-flow__pane").click({ position: { x: 20, y: 20 } });
    await page
      .getByLabel("Variables (JSON Schema)")
      .fill(JSON.stringify({ type: "object", properties: { priority: { type: "string" } } }));
    // when
    await clickEdge(page, "edge-3");
    await page.getByLabel("Condition (CEL)").fill('priority == "P1"');
    await clickEdge(page, "edge-4");
    await page.getByLabel("Default path (taken when no condition holds)").check();
    await screenshot(page, "live-03-designer-edge-panel");
    // then
    await expect.poll(() => page.locator(".problems__summary").textContent()).toBe("No problems found.");
  });

  it("undoes and redoes with the keyboard", async () => {
    // given the default path was the last edit
    const edge = page.locator('.react-flow__edge[data-id="edge-4"]');
    await page.locator(".react-flow__pane").click({ position: { x: 20, y: 20 } });
    // when
    await page.keyboard.press("Control+z");
    await expect.poll(() => edge.getAttribute("class")).not.toContain("is-default");
    await page.keyboard.press("Control+Shift+z");
    // then
    await expect.poll(() => edge.getAttribute("class")).toContain("is-default");
  });

  it("publishes, and the server holds version 1 as drawn", async () => {
    // when
    await expect.poll(() => page.getByRole("button", { name: "Publish" }).isEnabled()).toBe(true);
    await page.getByRole("button", { name: "Publish" }).click();
    await page.getByText("Version 1 published.").waitFor();
    // then
    const versions = await flowdesk.adminApi<VersionList>("GET", "/api/workflows/laptop-order/versions");
    expect(versions.body.items.map((item) => [item.version, item.publishedBy])).toEqual([[1, "olivia"]]);
    const published = await flowdesk.adminApi<WorkflowVersion>(
      "GET",
      "/api/workflows/laptop-order/versions/1",
    );
    const { nodes, edges } = published.body.definition;
    expect(nodes.map((node) => node.type).sort()).toEqual(["decision", "end", "end", "start", "user-task"]);
    expect(edges.find((edge) => edge.id === "edge-3")?.condition).toBe('priority == "P1"');
    expect(edges.find((edge) => edge.id === "edge-4")?.isDefault).toBe(true);
  });

  it("shows the difference between two published versions", async () => {
    // given a second version with a renamed end
    await canvasNode(page, "end-1").click();
    await page.getByLabel("Name", { exact: true }).fill("Laptop ordered");
    await page.getByRole("button", { name: "Publish" }).click();
    await page.getByText("Version 2 published.").waitFor();
    // when
    await page.getByRole("button", { name: "More" }).click();
    await page.getByRole("menuitem", { name: "Versions" }).click();
    await page.getByRole("button", { name: "Show differences" }).click();
    await page.locator(".diff__key.is-changed").first().waitFor();
    await screenshot(page, "live-04-designer-version-diff");
    // then
    expect(await page.locator(".diff__key.is-changed").textContent()).toContain("end-1");
    const versions = await flowdesk.adminApi<VersionList>("GET", "/api/workflows/laptop-order/versions");
    expect(versions.body.items).toHaveLength(2);
    await page.getByRole("button", { name: "Close" }).click();
  });

  it("has no serious accessibility violations in the workflow designer", async () => {
    // given the whole workflow in view (the fit is animated)
    await page.getByRole("button", { name: "Fit to screen" }).click();
    await page.waitForTimeout(400);
    await screenshot(page, "live-05-workflow-designer");
    // when
    const violations = await seriousViolations(page);
    // then
    expect(violations).toEqual([]);
  });

  it("builds a form whose details field shows only for the choice Other", async () => {
    // given an empty form
    await page.goto(`${flowdesk.url}/#/forms/laptop-form`);
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
    await screenshot(page, "live-06-form-designer");
    await preview.getByLabel(/^Category/).selectOption("Other");
    await expect.poll(() => preview.getByLabel(/^Details/).count()).toBe(1);
    await screenshot(page, "live-07-form-preview-conditional");
  });

  it("has no serious accessibility violations in the form designer and its preview", async () => {
    // when
    const violations = await seriousViolations(page);
    // then
    expect(violations).toEqual([]);
  });

  it("shows the form as JSON and publishes it, and the server holds the conditional field", async () => {
    // when
    await page.getByRole("button", { name: "JSON" }).click();
    const json = await page.locator(".json-view__text").inputValue();
    await screenshot(page, "live-08-form-json");
    await page.getByRole("button", { name: "Publish" }).click();
    await page.getByText("Version 1 published.").waitFor();
    // then
    expect(JSON.parse(json).schema.allOf[0].then.required).toEqual(["details"]);
    const versions = await flowdesk.adminApi<VersionList>("GET", "/api/forms/laptop-form/versions");
    expect(versions.body.items.map((item) => item.version)).toEqual([1]);
    const published = await flowdesk.adminApi<{ definition: { schema: { allOf: unknown[] } } }>(
      "GET",
      "/api/forms/laptop-form/versions/1",
    );
    expect(published.body.definition.schema.allOf).toHaveLength(1);
  });

  it("checks the starter incident workflow together with its forms: no unverified variables", async () => {
    // given the published incident workflow, which on its own has unverified variables
    const incident = await flowdesk.adminApi<WorkflowVersion>(
      "GET",
      "/api/workflows/incident-management/versions/1",
    );
    const alone: Problem[] = validateDefinition(incident.body.definition, { registry: nodeRegistry });
    expect(alone.filter((problem) => problem.code === "FD3020").length).toBeGreaterThan(0);
    // when the designer opens it
    await page.goto(`${flowdesk.url}/#/workflows/incident-management`);
    await page.locator(".react-flow__node").first().waitFor();
    await problemsSettled(page);
    await screenshot(page, "live-09-incident-workflow");
    await page.getByRole("button", { name: "More" }).click();
    await page.getByRole("menuitem", { name: "Versions" }).click();
    await page.getByRole("dialog").waitFor();
    await screenshot(page, "live-09b-incident-versions");
    await page.getByRole("button", { name: "Close" }).click();
    // then its forms answer every variable
    expect(await page.locator(".problem__where", { hasText: "FD3020" }).count()).toBe(0);
    expect(await page.locator(".react-flow__node").count()).toBe(incident.body.definition.nodes.length);
  });

  it("works at phone width: designers fit the screen without sideways scrolling", async () => {
    // given
    const phone = await signInAs(browser, flowdesk, "olivia", { width: 390, height: 844 });
    try {
      // when
      await phone.page.goto(`${flowdesk.url}/#/workflows/incident-management`);
      await phone.page.locator(".react-flow__node").first().waitFor();
      await problemsSettled(phone.page);
      await screenshot(phone.page, "live-10-phone-workflow-designer");
      const designerFits = await noHorizontalOverflow(phone.page);
      await phone.page.goto(`${flowdesk.url}/#/forms/incident-report`);
      await phone.page.locator(".preview").waitFor();
      await screenshot(phone.page, "live-11-phone-form-designer");
      const formFits = await noHorizontalOverflow(phone.page);
      // then
      expect([designerFits, formFits]).toEqual([true, true]);
      expect(await phone.page.getByRole("button", { name: "Publish" }).isVisible()).toBe(true);
    } finally {
      await phone.context.close();
    }
  });
});
