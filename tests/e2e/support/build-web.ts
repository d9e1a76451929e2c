import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const webRoot = fileURLToPath(new URL("../../../packages/web", import.meta.url));

/**
 * Builds the web app once per run into packages/web/dist, or into FLOWDESK_WEB_DIR when
 * set (so two checkouts' runs do not overwrite each other's build). Skip with
 * FLOWDESK_E2E_SKIP_BUILD=1 when the build is fresh.
 */
export default function buildWeb(): void {
  const outDir = process.env.FLOWDESK_WEB_DIR ?? `${webRoot}/dist`;
  if (process.env.FLOWDESK_E2E_SKIP_BUILD === "1" && existsSync(`${outDir}/index.html`)) return;
  execFileSync("npx", ["vite", "build", "--logLevel", "warn", "--outDir", outDir, "--emptyOutDir"], {
    cwd: webRoot,
    stdio: "inherit",
  });
}
