/**
 * `pnpm build` (and the first half of `pnpm start`): brings the compiled server
 * (packages/server/dist/main.js) and the web app (packages/web/dist) up to date,
 * rebuilding each only when its inputs changed since the last build. `--force`
 * rebuilds both; `server` or `web` limits the run to one.
 */
import { join, resolve } from "node:path";
import { type BuildTarget, buildTargets, REPOSITORY_ROOT } from "./build/build-targets.ts";

const args = process.argv.slice(2);
const force = args.includes("--force");
const names = args.filter((arg) => !arg.startsWith("--"));
const unknown = names.filter((name) => !buildTargets.some((target) => target.name === name));
if (unknown.length > 0) {
  console.error(`Unknown build target: ${unknown.join(", ")} (known: server, web)`);
  process.exit(2);
}
const chosen: BuildTarget[] = buildTargets.filter(
  (target) => names.length === 0 || names.includes(target.name),
);

for (const target of chosen) {
  const started = performance.now();
  const built = await target.ensureBuilt({ force });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const where = join(".", resolve(target.output).slice(REPOSITORY_ROOT.length));
  console.log(
    built ? `Built ${target.name} (${where}) in ${seconds} s` : `${target.name} is up to date (${where})`,
  );
}
