import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const webRoot = fileURLToPath(new URL("../../../packages/web", import.meta.url));

/** Builds packages/web/dist once per run (skip with FLOWDESK_E2E_SKIP_BUILD=1 when it is fresh). */
export default function buildWeb(): void {
  if (process.env.FLOWDESK_E2E_SKIP_BUILD === "1" && existsSync(`${webRoot}/dist/index.html`)) return;
  execFileSync("npx", ["vite", "build", "--logLevel", "warn"], { cwd: webRoot, stdio: "inherit" });
}
