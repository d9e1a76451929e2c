/**
 * The load side of bench/http.bench.ts, run as its own process so the server's event
 * loop is not shared with the client's. Each cycle submits the reference request (one
 * command) and completes its task (one command) over HTTP. With a rate, cycles start on
 * a schedule (open loop); without, `concurrency` workers go as fast as answers come.
 * Prints one JSON line: {commands, errors, durationMs}.
 */
import { performance } from "node:perf_hooks";

interface LoadPlan {
  url: string;
  requester: { cookie: string; csrf: string };
  agent: { cookie: string; csrf: string };
  concurrency: number;
  durationMs: number;
  /** Commands per second to offer; 0 = closed loop at full speed. */
  commandsPerSecond: number;
}

const plan = JSON.parse(process.argv[2] ?? "{}") as LoadPlan;

const call = async (who: { cookie: string; csrf: string }, path: string, body?: unknown) => {
  const response = await fetch(`${plan.url}${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: {
      cookie: who.cookie,
      "x-csrf-token": who.csrf,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: text === "" ? undefined : (JSON.parse(text) as Record<string, unknown>),
  };
};

let commands = 0;
let errors = 0;

const cycle = async (): Promise<void> => {
  const submitted = await call(plan.requester, "/api/requests", {
    catalogItemId: "handed-out-hardware",
    data: { item: "Docking station", quantity: 1 },
  });
  if (submitted.status !== 201) {
    errors++;
    return;
  }
  commands++;
  const detail = await call(plan.requester, `/api/requests/${String(submitted.body?.id)}`);
  const task = (detail.body?.openTasks as { id: string }[] | undefined)?.[0];
  if (task === undefined) {
    errors++;
    return;
  }
  const completed = await call(plan.agent, `/api/tasks/${task.id}/complete`, { outcome: "done" });
  if (completed.status === 200) commands++;
  else errors++;
};

const started = performance.now();
const deadline = started + plan.durationMs;
if (plan.commandsPerSecond > 0) {
  const cyclesPerMs = plan.commandsPerSecond / 2 / 1000;
  const inFlight: Promise<void>[] = [];
  let launched = 0;
  while (performance.now() < deadline) {
    const due = Math.floor((performance.now() - started) * cyclesPerMs);
    while (launched < due) {
      launched++;
      inFlight.push(cycle().catch(() => void errors++));
    }
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  await Promise.all(inFlight);
} else {
  await Promise.all(
    Array.from({ length: plan.concurrency }, async () => {
      while (performance.now() < deadline) await cycle().catch(() => void errors++);
    }),
  );
}
process.stdout.write(`${JSON.stringify({ commands, errors, durationMs: performance.now() - started })}\n`);
