import type { WorkflowDefinition } from "@flowdesk/core";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, screenshot } from "./support/browser.ts";
import { canvasNode } from "./support/canvas-mouse.ts";
import { FakeFlowdeskApi } from "./support/fake-api.ts";
import { type StaticSite, serveBuiltApp } from "./support/static-server.ts";

/*
 * The designers against the in-memory FAKE API (support/fake-api.ts): what the real-server
 * story (designers-live.e2e.test.ts) cannot cause at will — a server that fails to answer —
 * and what needs a directory of its own.
 */

let browser: Browser;
let site: StaticSite;
let context: BrowserContext;
let page: Page;
const api = new FakeFlowdeskApi();

const laptopRequest: WorkflowDefinition = {
  schemaVersion: 1,
  kind: "workflow",
  id: "laptop-request",
  title: "Laptop request",
  variables: { type: "object", properties: {} },
  nodes: [
    { id: "start-1", type: "start", name: "Start", config: {} },
    { id: "user-task-1", type: "user-task", name: "Order the laptop", config: {} },
    { id: "end-1", type: "end", name: "Done", config: {} },
  ],
  edges: [
    { id: "edge-1", source: "start-1", target: "user-task-1" },
    { id: "edge-2", source: "user-task-1", target: "end-1", outcome: "done" },
  ],
  layout: {
    nodes: { "start-1": { x: 0, y: 0 }, "user-task-1": { x: 240, y: 0 }, "end-1": { x: 480, y: 0 } },
  },
};

beforeAll(async () => {
  api.collections.get("workflows")?.set(laptopRequest.id, {
    id: laptopRequest.id,
    kind: "workflow",
    draft: laptopRequest,
    updatedAt: new Date(0).toISOString(),
    versions: [],
  });
  site = await serveBuiltApp();
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: "en-US" });
  page = await context.newPage();
  page.setDefaultTimeout(10_000);
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

describe("designers when the server fails, and with a directory to pick from", () => {
  it("says the workflow could not be loaded when the server does not answer", async () => {
    // given
    api.failures.push({ method: "GET", path: /^\/workflows\/laptop-request\/draft$/, status: 503 });
    // when
    await page.goto(`${site.url}/#/workflows/laptop-request`);
    // then
    await page.getByRole("alert").filter({ hasText: "The workflow could not be loaded." }).waitFor();
    api.failures.length = 0;
  });

  it("says saving failed and keeps the edits when the server refuses the draft", async () => {
    // given the designer with an edit
    await page.reload();
    await canvasNode(page, "end-1").click();
    await page.getByLabel("Name", { exact: true }).fill("Laptop ordered");
    api.failures.push({ method: "PUT", path: /^\/workflows\/laptop-request\/draft$/, status: 500 });
    // when
    await page.getByRole("button", { name: "Save draft" }).click();
    // then
    await page.getByText(/^Saving failed:/).waitFor();
    await screenshot(page, "09-designer-save-failed");
    expect(await page.getByLabel("Name", { exact: true }).inputValue()).toBe("Laptop ordered");
    expect(await page.locator(".designer").textContent()).toContain("unsaved changes");
    api.failures.length = 0;
  });

  it("picks the task's group from the directory with the keyboard", async () => {
    // given the user task's side panel
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

  it("says the form could not be saved when the server fails, and publishes once it answers", async () => {
    // given a form with one field
    await page.goto(`${site.url}/#/forms/laptop-form`);
    await page.getByRole("button", { name: "Choice", exact: true }).click();
    await page.getByLabel("Label", { exact: true }).fill("Category");
    await page.getByLabel("Choices").fill("Laptop\nOther");
    api.failures.push({ method: "PUT", path: /^\/forms\/laptop-form\/draft$/, status: 500 });
    // when
    await page.getByRole("button", { name: "Publish" }).click();
    // then nothing is published, and a second try goes through
    await page
      .getByText(/could not|failed/i)
      .first()
      .waitFor();
    expect(api.collections.get("forms")?.get("laptop-form")?.versions ?? []).toHaveLength(0);
    api.failures.length = 0;
    await page.getByRole("button", { name: "Publish" }).click();
    await page.getByText("Version 1 published.").waitFor();
    expect(api.requests.filter((request) => request.method !== "GET").every((request) => request.csrf)).toBe(
      true,
    );
  });

  it("undoes and redoes form edits with the buttons and Ctrl+Z / Ctrl+Y", async () => {
    // given a new form with two fields, the second one relabelled
    await page.goto(`${site.url}/#/forms/monitor-form`);
    await page.getByRole("button", { name: "Short text", exact: true }).click();
    await page.getByRole("button", { name: "Number", exact: true }).click();
    await page.getByLabel("Label", { exact: true }).fill("Quantity");
    const cards = page.locator(".field-card__label");
    await expect.poll(() => cards.allTextContents()).toEqual(["Short text", "Quantity"]);
    // when the relabelling is undone with the keyboard, away from any input
    await page.getByRole("heading", { name: "Fields" }).click();
    await page.keyboard.press("Control+z");
    // then
    await expect.poll(() => cards.allTextContents()).toEqual(["Short text", "Number"]);
    // when the field's addition is undone with the button, then redone with Ctrl+Y
    await page.getByRole("button", { name: "Undo" }).click();
    await expect.poll(() => cards.allTextContents()).toEqual(["Short text"]);
    await page.getByRole("heading", { name: "Fields" }).click();
    await page.keyboard.press("Control+y");
    // then
    await expect.poll(() => cards.allTextContents()).toEqual(["Short text", "Number"]);
    await page.getByRole("button", { name: "Redo" }).click();
    await expect.poll(() => cards.allTextContents()).toEqual(["Short text", "Quantity"]);
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
