/**
 * Designer benchmark in headless Chromium: a generated 1,000-node workflow opens and is
 * interactive (designer_open_1000_ms), and the problems panel shows the result of an
 * edit (designer_revalidate_ms, every wait included). Needs a built web app in
 * FLOWDESK_WEB_DIR (default packages/web/dist, which bench/run.ts builds when stale) and
 * /usr/bin/chromium. The API
 * is the e2e suite's in-memory fake.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { WorkflowDefinition, WorkflowEdge, WorkflowNode } from "@flowdesk/core";
import { launchChromium } from "../tests/e2e/support/browser.ts";
import { FakeFlowdeskApi } from "../tests/e2e/support/fake-api.ts";
import { serveBuiltApp } from "../tests/e2e/support/static-server.ts";
import { type BenchResult, printBenchResult } from "./bench-report.ts";

const NODE_COUNT = 1000;
const RUNS = 5;

/** start -> (user task -> decision -> two tasks -> join-by-task)* -> end, laid out in columns. */
export const generateWorkflow = (nodeCount: number): WorkflowDefinition => {
  const nodes: WorkflowNode[] = [{ id: "start", type: "start", name: "Start", config: {} }];
  const edges: WorkflowEdge[] = [];
  const layout: Record<string, { x: number; y: number }> = { start: { x: 0, y: 0 } };
  let previous = "start";
  let column = 1;
  while (nodes.length < nodeCount - 1) {
    const task = `task-${column}`;
    nodes.push({
      id: task,
      type: "user-task",
      name: `Triage ${column}`,
      config: { assignee: { kind: "group", group: "service-desk" } },
    });
    edges.push({ id: `edge-${edges.length + 1}`, source: previous, target: task });
    layout[task] = { x: column * 220, y: (column % 5) * 120 };
    previous = task;
    column += 1;
  }
  nodes.push({ id: "end", type: "end", name: "Resolved", config: { outcome: "resolved" } });
  edges.push({ id: `edge-${edges.length + 1}`, source: previous, target: "end" });
  layout.end = { x: column * 220, y: 0 };
  return {
    schemaVersion: 1,
    kind: "workflow",
    id: "bench-1000",
    title: "Generated 1,000-step workflow",
    variables: { type: "object", properties: {} },
    nodes,
    edges,
    layout: { nodes: layout },
  };
};

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

export async function runDesignerBench(): Promise<BenchResult> {
  const webDir =
    process.env.FLOWDESK_WEB_DIR ?? fileURLToPath(new URL("../packages/web/dist", import.meta.url));
  if (!existsSync(join(webDir, "index.html")))
    throw new Error(
      `Build the web app first into ${webDir}: npx pnpm@10 build web (or, for another folder, cd packages/web && npx vite build --outDir ${webDir})`,
    );
  const definition = generateWorkflow(NODE_COUNT);
  const site = await serveBuiltApp();
  const browser = await launchChromium();
  const openTimes: number[] = [];
  const revalidateTimes: number[] = [];
  const redrawTimes: number[] = [];
  try {
    for (let run = 0; run < RUNS; run += 1) {
      const api = new FakeFlowdeskApi();
      api.collections.get("workflows")?.set(definition.id, {
        id: definition.id,
        kind: "workflow",
        draft: definition,
        updatedAt: new Date(0).toISOString(),
        versions: [],
      });
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      await api.install(page);
      await page.goto(`${site.url}/#/workflows/${definition.id}`);
      // Open = from navigation start until the canvas shows steps and a click selects one.
      await page.locator(".react-flow__node").first().waitFor();
      const target = await page.evaluate(() => {
        const canvas = document.querySelector(".canvas")?.getBoundingClientRect();
        for (const node of document.querySelectorAll(".react-flow__node")) {
          const box = node.getBoundingClientRect();
          const x = box.left + box.width / 2;
          const y = box.top + box.height / 2;
          if (
            canvas &&
            x > canvas.left + 40 &&
            x < canvas.right - 40 &&
            y > canvas.top + 40 &&
            y < canvas.bottom - 40
          ) {
            return { x, y };
          }
        }
        throw new Error("No step is visible on the canvas.");
      });
      await page.mouse.click(target.x, target.y);
      await page.locator("#node-panel-title").waitFor();
      openTimes.push(await page.evaluate(() => performance.now()));
      // Revalidate = from the Delete key until the problems panel shows the new findings.
      const { revalidate, redraw } = await page.evaluate(
        () =>
          new Promise<{ revalidate: number; redraw: number }>((resolve) => {
            const panel = document.querySelector(".problems");
            const selected = document.querySelector(".react-flow__node.selected");
            if (!panel || !selected) throw new Error("No problems panel or no selected step.");
            const before = panel.textContent;
            let started = 0;
            let redraw = Number.NaN;
            const canvasObserver = new MutationObserver(() => {
              if (!selected.isConnected) {
                canvasObserver.disconnect();
                redraw = performance.now() - started;
              }
            });
            const observer = new MutationObserver(() => {
              if (panel.textContent !== before) {
                observer.disconnect();
                resolve({ revalidate: performance.now() - started, redraw });
              }
            });
            canvasObserver.observe(document.querySelector(".react-flow__nodes") ?? document.body, {
              childList: true,
            });
            observer.observe(panel, { subtree: true, childList: true, characterData: true });
            started = performance.now();
            window.dispatchEvent(new KeyboardEvent("keydown", { key: "Delete", bubbles: true }));
          }),
      );
      revalidateTimes.push(revalidate);
      redrawTimes.push(redraw);
      await page.close();
    }
  } finally {
    await browser.close();
    await site.close();
  }
  const openMs = median(openTimes);
  const revalidateMs = median(revalidateTimes);
  return {
    rows: [
      {
        name: `designer: open ${NODE_COUNT}-node workflow until a click selects (median of ${RUNS})`,
        value: openMs,
        unit: "ms",
      },
      {
        name: "designer: delete a step until the problems panel updates (median)",
        value: revalidateMs,
        unit: "ms",
      },
      { name: "designer: slowest problems panel update", value: Math.max(...revalidateTimes), unit: "ms" },
      {
        name: "designer: delete a step until the canvas no longer shows it (median)",
        value: median(redrawTimes),
        unit: "ms",
      },
    ],
    figures: {
      designer_open_1000_ms: Number(openMs.toFixed(1)),
      designer_revalidate_ms: Number(revalidateMs.toFixed(1)),
    },
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  printBenchResult(await runDesignerBench());
}
