import { createRequire } from "node:module";
import type { Page } from "playwright-core";

const require = createRequire(import.meta.url);

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Where the page fetches axe-core from: its own origin, so the app's script-src 'self' lets it in. */
const AXE_PATH = "/__e2e__/axe.min.js";

/** Runs axe-core in the page; returns the serious and critical violations only. */
export const seriousViolations = async (page: Page): Promise<AxeViolation[]> => {
  // An inline <script> (addScriptTag with a path) is refused by the app's CSP, as an
  // injected script should be; a same-origin script file, answered by the test, is not.
  const axeUrl = new URL(AXE_PATH, page.url()).href;
  await page.route(axeUrl, (route) =>
    route.fulfill({ path: require.resolve("axe-core/axe.min.js"), contentType: "text/javascript" }),
  );
  await page.addScriptTag({ url: axeUrl });
  await page.unroute(axeUrl);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run: (context: Document) => Promise<{ violations: AxeViolation[] }> } }
    ).axe;
    const result = await axe.run(document);
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.slice(0, 5).map((node) => ({ target: node.target })),
    }));
  });
  return violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
};
