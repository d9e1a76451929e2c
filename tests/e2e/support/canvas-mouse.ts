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

/** Draws a connection with the mouse, from the source handle of one node to the target handle of another. */
export const connect = async (page: Page, sourceId: string, targetId: string): Promise<void> => {
  const from = await centerOf(canvasNode(page, sourceId).locator(".react-flow__handle.source"));
  const to = await centerOf(canvasNode(page, targetId).locator(".react-flow__handle.target"));
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 5 });
  await page.mouse.move(to.x, to.y, { steps: 5 });
  await page.mouse.up();
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
