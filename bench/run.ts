/**
 * `pnpm bench`: runs every benchmark in sequence, prints one table, and ends with one
 * JSON line holding every figure. Record results with the machine in docs/benchmarks.md.
 */
import { cpus, totalmem } from "node:os";
import { type BenchResult, type BenchRow, formatTable } from "./bench-report.ts";

type BenchModule = { name: string; load: () => Promise<() => Promise<BenchResult>> };

const benches: BenchModule[] = [
  { name: "validate", load: async () => (await import("./validate.bench.ts")).runValidateBench },
  { name: "cel", load: async () => (await import("./cel.bench.ts")).runCelBench },
  { name: "engine-core", load: async () => (await import("./engine-core.bench.ts")).runEngineCoreBench },
  { name: "runtime", load: async () => (await import("./runtime.bench.ts")).runRuntimeBench },
  { name: "http", load: async () => (await import("./http.bench.ts")).runHttpBench },
  // Needs packages/web/dist (pnpm build:web) and Chromium at /usr/bin/chromium.
  { name: "designer", load: async () => (await import("./designer.bench.ts")).runDesignerBench },
];

const only = process.argv.slice(2);
const rows: BenchRow[] = [];
const figures: Record<string, number | null> = {};
const started = performance.now();

for (const bench of benches) {
  if (only.length > 0 && !only.includes(bench.name)) continue;
  process.stderr.write(`running ${bench.name} ...\n`);
  const run = await bench.load();
  const result = await run();
  rows.push(...result.rows);
  Object.assign(figures, result.figures);
}

const machine = `${cpus().length} cores (${cpus()[0]?.model ?? "unknown cpu"}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
process.stdout.write(`machine: ${machine}\n`);
process.stdout.write(`${formatTable(rows)}\n`);
process.stdout.write(`total: ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
process.stdout.write(`${JSON.stringify(figures)}\n`);
