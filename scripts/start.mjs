/**
 * `pnpm start`: brings the server bundle and the web app up to date, then runs the
 * server in this process. Plain JavaScript on purpose: when no input was touched since
 * the last build (same sizes and times as recorded beside each output), the start costs
 * a few hundred stat calls instead of a TypeScript loader and a hash of every source.
 * Otherwise scripts/build.ts decides by content hash and rebuilds what changed.
 */
import { spawnSync } from "node:child_process";
import { dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { fingerprintMatches } from "./build/stat-fingerprint.mjs";

const root = resolve(import.meta.dirname, "..");
/** The outputs of scripts/build/build-targets.ts, by target name. */
const outputs = {
  server: join(root, "packages", "server", "dist", "main.js"),
  web: join(root, "packages", "web", "dist", "index.html"),
};

const stale = Object.entries(outputs)
  .filter(([, output]) => !fingerprintMatches(root, join(dirname(output), ".build-fingerprint.json")))
  .map(([name]) => name);

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

await import(pathToFileURL(outputs.server).href);
