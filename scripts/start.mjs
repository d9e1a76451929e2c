/**
 * `pnpm start`: brings the server bundle and the web app up to date, then runs the
 * server in this process. Plain JavaScript on purpose: when no input was touched since
 * the last build (same sizes and times as recorded beside each output), the start costs
 * a few hundred stat calls instead of a TypeScript loader and a hash of every source.
 * Otherwise scripts/build.ts decides by content hash and rebuilds what changed.
 */
import { spawnSync } from "node:child_process";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { BUILD_OUTPUTS, staleTargets } from "./build/stale-targets.mjs";

const root = resolve(import.meta.dirname, "..");
const stale = staleTargets(root);

if (stale.length > 0) {
  const tsx = join(root, "node_modules", "tsx", "dist", "cli.mjs");
  const build = spawnSync(process.execPath, [tsx, join(root, "scripts", "build.ts"), ...stale], {
    cwd: root,
    stdio: "inherit",
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
} else {
  console.log("server and web are up to date (no input touched since the last build)");
}

await import(pathToFileURL(join(root, BUILD_OUTPUTS.server)).href);
