/**
 * `pnpm bench`: runs every benchmark in sequence, prints one table, and ends with one
 * JSON line holding every figure. Record results with the machine in docs/benchmarks.md.
 */
import { cpus, totalmem } from "node:os";
import { webTarget } from "../scripts/build/build-targets.ts";
import { type BenchResult, type BenchRow, formatTable } from "./bench-report.ts";

type BenchModule = {
  name: string;
  load: () => Promise<() => Promise<BenchResult>>;
  /** Builds what the bench needs and a fresh checkout lacks (only when its inputs changed). */
  prepare?: () => Promise<void>;
  /** Runs only when named on the command line. */
  optIn?: boolean;
};

const prepareWebApp = async (): Promise<void> => {
  // A web app named by FLOWDESK_WEB_DIR is the caller's to build.
  if (process.env.FLOWDESK_WEB_DIR !== undefined) return;
  const built = await webTarget.ensureBuilt();
  if (built) process.stderr.write("built the web app (packages/web/dist)\n");
};

const benches: BenchModule[] = [
  { name: "validate", load: async () => (await import("./validate.bench.ts")).runValidateBench },
  { name: "cel", load: async () => (await import("./cel.bench.ts")).runCelBench },
  { name: "engine-core", load: async () => (await import("./engine-core.bench.ts")).runEngineCoreBench },
  { name: "runtime", load: async () => (await import("./runtime.bench.ts")).runRuntimeBench },
  { name: "http", load: async () => (await import("./http.bench.ts")).runHttpBench },
  // Runs `pnpm start` itself: only when asked for (`pnpm bench start`), not in the full run.
  { name: "start", optIn: true, load: async () => (await import("./start.bench.ts")).runStartBench },
  // Needs Chromium at /usr/bin/chromium (CHROMIUM_PATH) and the built web app, built here if stale.
  {
    name: "designer",
    prepare: prepareWebApp,
    load: async () => (await import("./designer.bench.ts")).runDesignerBench,
  },
];

const only = process.argv.slice(2);
const rows: BenchRow[] = [];
const figures: Record<string, number | null> = {};
const started = performance.now();

const failed: string[] = [];

for (const bench of benches) {
  if (only.length > 0 ? !only.includes(bench.name) : bench.optIn === true) continue;
  process.stderr.write(`running ${bench.name} ...\n`);
  // One bench that cannot run (no Chromium, no PostgreSQL) must not hide every other
  // figure: it is reported, the rest still run, and the JSON line is still printed.
  try {
    await bench.prepare?.();
    const run = await bench.load();
    const result = await run();
    rows.push(...result.rows);
    Object.assign(figures, result.figures);
  } catch (error) {
    failed.push(bench.name);
    process.stderr.write(
      `${bench.name} bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
  }
}

const machine = `${cpus().length} cores (${cpus()[0]?.model ?? "unknown cpu"}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
process.stdout.write(`machine: ${machine}\n`);
process.stdout.write(`${formatTable(rows)}\n`);
process.stdout.write(`total: ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
if (failed.length > 0) process.stdout.write(`failed: ${failed.join(", ")} (see above)\n`);
process.stdout.write(`${JSON.stringify(figures)}\n`);
if (failed.length > 0) process.exitCode = 1;
