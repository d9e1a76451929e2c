import type { Locator, Page } from "playwright-core";

const centerOf = async (locator: Locator) => {
  const box = await locator.boundingBox();
  if (!box) throw new Error("Element is not visible.");
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
};

/** Drags a palette entry onto the canvas at (x, y) relative to the canvas' top-left corner. */
export const dragFromPalette = async (page: Page, type: string, x: number, y: number): Promise<void> => {
  const canvas = page.locator(".react-flow__pane");
  await page.locator(`.palette__item[data-node-type="${type}"]`).dragTo(canvas, { targetPosition: { x, y } });
};

export const canvasNode = (page: Page, id: string): Locator =>
  page.locator(`.react-flow__node[data-id="${id}"]`);

/** One drag from a source handle to a target handle; true when the canvas gained an edge. */
const dragConnection = async (page: Page, sourceId: string, targetId: string): Promise<boolean> => {
  const from = await centerOf(canvasNode(page, sourceId).locator(".react-flow__handle.source"));
  const to = await centerOf(canvasNode(page, targetId).locator(".react-flow__handle.target"));
  const edges = await page.locator(".react-flow__edge").count();
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 5 });
  // On a busy machine the canvas may lag the mouse: release only once it draws the line
  // and has seen the pointer over the target handle.
  await page.locator(".react-flow__connection-path").waitFor({ state: "attached" });
  await page.mouse.move(to.x, to.y, { steps: 5 });
  await page.waitForTimeout(50);
  await page.mouse.up();
  return page
    .waitForFunction((before) => document.querySelectorAll(".react-flow__edge").length > before, edges, {
      timeout: 3_000,
    })
    .then(() => true)
    .catch(() => false);
};

/**
 * Draws a connection with the mouse, from the source handle of one node to the target
 * handle of another. A drag the canvas missed (pointer events lost on a loaded machine)
 * adds nothing, so it is drawn again, at most three times.
 */
export const connect = async (page: Page, sourceId: string, targetId: string): Promise<void> => {
  for (let attempt = 1; attempt <= 3; attempt += 1) {
    if (await dragConnection(page, sourceId, targetId)) return;
  }
  throw new Error(`Could not connect ${sourceId} to ${targetId} with the mouse.`);
};

/** Clicks the middle of an edge's path. */
export const clickEdge = async (page: Page, edgeId: string): Promise<void> => {
  const path = page.locator(`.react-flow__edge[data-id="${edgeId}"] .react-flow__edge-interaction`);
  const point = await path.evaluate((element) => {
    const svgPath = element as SVGPathElement;
    const middle = svgPath.getPointAtLength(svgPath.getTotalLength() / 2);
    const matrix = svgPath.getScreenCTM();
    if (!matrix) throw new Error("Edge is not rendered.");
    return { x: middle.x * matrix.a + matrix.e, y: middle.y * matrix.d + matrix.f };
  });
  await page.mouse.click(point.x, point.y);
};
