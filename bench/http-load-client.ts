/**
 * The load side of bench/http.bench.ts, run as its own process so the server's event
 * loop is not shared with the client's. Each cycle takes one reference incident from
 * submission to its end over the REST API: submit the catalog item (form data with a
 * P1 priority, so both approvals run), complete triage as a service-desk agent, approve
 * as the change manager and as the service owner, then wait until the server's job
 * runner has made the CMDB call and the request reads "completed". That is 4
 * state-changing calls per cycle; the GETs that find the tasks are not counted.
 * With a rate, cycles start on a schedule (open loop); without, `concurrency` workers
 * go as fast as answers come. Prints one JSON line (LoadFigures).
 */
import { performance } from "node:perf_hooks";

interface Credentials {
  cookie: string;
  csrf: string;
}

interface LoadPlan {
  url: string;
  catalogItemId: string;
  requester: Credentials;
  agent: Credentials;
  /** Approvers by the user name the workflow assigns their approval to. */
  approvers: Record<string, Credentials>;
  concurrency: number;
  durationMs: number;
  /** State-changing calls per second to offer; 0 = closed loop at full speed. */
  commandsPerSecond: number;
}

export interface LoadFigures {
  commands: number;
  errors: number;
  instancesEnded: number;
  durationMs: number;
  firstError?: string;
}

const COMMANDS_PER_CYCLE = 4;
const END_POLL_MS = 10;
const END_TIMEOUT_MS = 15_000;

const plan = JSON.parse(process.argv[2] ?? "{}") as LoadPlan;

interface OpenTask {
  id: string;
  kind: string;
  assigneeUser: string | null;
}

interface RequestDetail {
  status: string;
  openTasks: OpenTask[];
}

const figures: LoadFigures = { commands: 0, errors: 0, instancesEnded: 0, durationMs: 0 };

class CycleFailed extends Error {}

const call = async (who: Credentials, path: string, body?: unknown) => {
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
  return { status: response.status, text };
};

/** A state-changing call: counted when it answers with the expected status. */
const command = async (who: Credentials, path: string, body: unknown, expected: number) => {
  const answer = await call(who, path, body);
  if (answer.status !== expected) {
    throw new CycleFailed(`POST ${path}: ${answer.status} ${answer.text.slice(0, 300)}`);
  }
  figures.commands++;
  return JSON.parse(answer.text) as Record<string, unknown>;
};

const detail = async (id: string): Promise<RequestDetail> => {
  const answer = await call(plan.requester, `/api/requests/${id}`);
  if (answer.status !== 200) throw new CycleFailed(`GET request ${id}: ${answer.status}`);
  return JSON.parse(answer.text) as RequestDetail;
};

let sequence = 0;

const cycle = async (): Promise<void> => {
  const number = `INC-${process.pid}-${sequence++}`;
  const request = await command(
    plan.requester,
    "/api/requests",
    {
      catalogItemId: plan.catalogItemId,
      data: { number, summary: "VPN drops every hour", priority: "P1" },
    },
    201,
  );
  const id = String(request.id);
  const triage = (await detail(id)).openTasks.find((task) => task.kind !== "approval");
  if (triage === undefined) throw new CycleFailed(`request ${id} has no triage task`);
  await command(plan.agent, `/api/tasks/${triage.id}/complete`, {}, 200);
  const approvals = (await detail(id)).openTasks.filter((task) => task.kind === "approval");
  if (approvals.length !== 2) throw new CycleFailed(`request ${id} has ${approvals.length} approvals`);
  await Promise.all(
    approvals.map((approval) => {
      const approver = plan.approvers[approval.assigneeUser ?? ""];
      if (approver === undefined) throw new CycleFailed(`no approver ${approval.assigneeUser}`);
      return command(approver, `/api/tasks/${approval.id}/approve`, {}, 200);
    }),
  );
  // The CMDB call is the job runner's: the instance ends when its result is committed.
  const waitUntil = performance.now() + END_TIMEOUT_MS;
  for (;;) {
    const { status } = await detail(id);
    if (status === "completed") break;
    if (status !== "running" || performance.now() > waitUntil)
      throw new CycleFailed(`request ${id} stopped as ${status}`);
    await new Promise((resolve) => setTimeout(resolve, END_POLL_MS));
  }
  figures.instancesEnded++;
};

const guarded = (): Promise<void> =>
  cycle().catch((error: unknown) => {
    figures.errors++;
    figures.firstError ??= error instanceof Error ? error.message : String(error);
  });

const started = performance.now();
const deadline = started + plan.durationMs;
if (plan.commandsPerSecond > 0) {
  const cyclesPerMs = plan.commandsPerSecond / COMMANDS_PER_CYCLE / 1000;
  const inFlight: Promise<void>[] = [];
  let launched = 0;
  while (performance.now() < deadline) {
    const due = Math.floor((performance.now() - started) * cyclesPerMs);
    for (; launched < due; launched++) inFlight.push(guarded());
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  await Promise.all(inFlight);
} else {
  await Promise.all(
    Array.from({ length: plan.concurrency }, async () => {
      while (performance.now() < deadline) await guarded();
    }),
  );
}
figures.durationMs = performance.now() - started;
process.stdout.write(`${JSON.stringify(figures)}\n`);
