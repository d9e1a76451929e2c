/**
 * Speed of Flowdesk's expression module through its public API: a typical ITSM
 * decision-edge condition evaluated with evaluateCondition on a realistic incident.
 *
 *   npx tsx bench/cel.bench.ts
 *
 * Prints a table and one JSON line; `runCelBench` is what `pnpm bench` calls.
 */
import { pathToFileURL } from "node:url";
import { checkExpression, evaluateCondition, renderTemplate } from "@flowdesk/core";

const CONDITION = 'priority == "P1" && impact in ["high","critical"] && !major';

/** An incident as the engine hands it to an expression: instance variables plus context. */
const incidentVariables = (): Record<string, unknown> => ({
  priority: "P1",
  impact: "high",
  urgency: "high",
  major: false,
  category: "network",
  affectedServices: ["vpn", "email"],
  reopenCount: 0,
  requester: { id: "u-1042", name: "Ann Lee", email: "ann.lee@example.com", manager: "u-17", vip: false },
  instance: { id: "inc-000123", startedAt: "2026-11-21T07:00:00Z", version: 3 },
  now: new Date("2026-11-21T09:00:00Z"),
});

/** Calls `fn` repeatedly for `windowMs` after a warm-up; returns calls per second. */
const measure = (fn: () => void, windowMs: number): number => {
  for (let i = 0; i < 50_000; i++) fn();
  let calls = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < windowMs) {
    for (let i = 0; i < 1_000; i++) fn();
    calls += 1_000;
    elapsed = performance.now() - start;
  }
  return (calls / elapsed) * 1000;
};

export async function runCelBench(): Promise<{
  rows: { name: string; value: number; unit: string }[];
  figures: { cel_evals_per_s: number };
}> {
  const variables = incidentVariables();
  if (evaluateCondition(CONDITION, variables) !== true) throw new Error("the benchmark condition must hold");
  const evals = measure(() => evaluateCondition(CONDITION, variables), 3_000);
  const template =
    "Incident {{ instance.id }} for {{ requester.name }} is {{ priority }} ({{ hoursSince(instance.startedAt, now) }} h old)";
  const renders = measure(() => renderTemplate(template, variables), 1_000);
  let n = 0;
  const checks = measure(() => checkExpression(`${CONDITION} && reopenCount < ${n++}`), 1_000);
  const rows = [
    { name: "evaluateCondition (cached program)", value: Math.round(evals), unit: "evals/s" },
    { name: "renderTemplate (4 placeholders)", value: Math.round(renders), unit: "renders/s" },
    { name: "checkExpression (new text each time)", value: Math.round(checks), unit: "checks/s" },
  ];
  return { rows, figures: { cel_evals_per_s: Math.round(evals) } };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { rows, figures } = await runCelBench();
  for (const row of rows) {
    console.log(`${row.name.padEnd(40)} ${row.value.toLocaleString("en").padStart(12)} ${row.unit}`);
  }
  console.log(JSON.stringify(figures));
}
