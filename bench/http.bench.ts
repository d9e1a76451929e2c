/**
 * The HTTP side end to end: a real server (SQLite, socket.io, job runner) driven over
 * REST by a load client in a second process (bench/http-load-client.ts) that takes the
 * reference incident (bench/reference-incident.workflow.json) from submission to its
 * end: submit the catalog item, complete triage, two approvals; the server's job runner
 * makes the CMDB call to a stub on 127.0.0.1 and ends the instance. 4 state-changing
 * calls per incident.
 *
 * Phase 1 finds the most committed calls per second at 16 concurrent incidents; phase 2
 * offers half of that and measures the time from a triage completion's commit (the
 * task's updatedAt, stamped inside the transaction) to its task.updated event at the
 * socket of another service-desk agent, connected from a third process
 * (bench/http-push-watcher.ts). Only triage completions are measured: triage is a
 * service-desk task, so the group's other agents are told; the approvals go to their
 * approvers' own rooms, which no other user receives. The job runner polls every 20 ms instead of the default
 * 500 ms (ServerConfig.jobPollIntervalMs), so the CMDB step does not dominate an
 * incident's duration.
 *
 * Run alone: `npx tsx bench/http.bench.ts` (HTTP_BENCH_MS sets each phase's length).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { configFromEnvironment, hashPassword, type RunningServer, startServer } from "@flowdesk/server";
import { type BenchResult, printBenchResult } from "./bench-report.ts";
import { startCmdbStub } from "./http-cmdb-stub.ts";
import type { LoadFigures } from "./http-load-client.ts";

const REPOSITORY_ROOT = resolve(import.meta.dirname, "..");
const BENCH = join(REPOSITORY_ROOT, "bench");
const PHASE_MS = Number(process.env.HTTP_BENCH_MS ?? 8000);
const CONCURRENCY = 16;
const JOB_POLL_MS = 20;
const PASSWORD = "bench password for http load";
const SERVICE_DESK = "service-desk";
const APPROVERS = ["change-manager", "service-owner"] as const;
const CATALOG_ITEM = "report-incident-benchmark";

interface Credentials {
  cookie: string;
  csrf: string;
}

const sessionCookie = (response: Response): string =>
  response.headers
    .getSetCookie()
    .map((line) => line.split(";")[0] ?? "")
    .find((pair) => pair.startsWith("flowdesk_session=")) ?? "";

const signIn = async (url: string, username: string): Promise<Credentials> => {
  const visit = await fetch(`${url}/api/session`);
  const { csrfToken } = (await visit.json()) as { csrfToken: string };
  const response = await fetch(`${url}/api/session`, {
    method: "POST",
    headers: { cookie: sessionCookie(visit), "x-csrf-token": csrfToken, "content-type": "application/json" },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  if (response.status !== 200) throw new Error(`sign-in of ${username}: ${response.status}`);
  return {
    cookie: sessionCookie(response),
    csrf: ((await response.json()) as { csrfToken: string }).csrfToken,
  };
};

const createUser = async (server: RunningServer, username: string, roles: string[], groups: string[]) => {
  const passwordHash = await hashPassword(PASSWORD);
  const at = new Date().toISOString();
  const id = randomUUID();
  await server.store.transaction(async (tx) => {
    for (const group of groups) {
      if ((await tx.groups.get(group)) === undefined)
        await tx.groups.insert({ id: group, title: group, description: null }, at);
    }
    await tx.users.insert({
      id,
      username,
      displayName: username,
      email: null,
      passwordHash,
      disabled: false,
      createdAt: at,
      updatedAt: at,
    });
    await tx.users.setRoles(id, roles);
    await tx.users.setGroups(id, groups);
  });
};

/** Saves a draft and publishes it, as a process owner does in the designer. */
const publish = async (url: string, owner: Credentials, definition: { id: string }, segment: string) => {
  const base = `${url}/api/${segment}/${definition.id}`;
  const headers = { cookie: owner.cookie, "x-csrf-token": owner.csrf };
  const draft = await fetch(`${base}/draft`, {
    method: "PUT",
    headers: { ...headers, "content-type": "application/json" },
    body: JSON.stringify(definition),
  });
  if (draft.status >= 300) throw new Error(`draft ${definition.id}: ${draft.status} ${await draft.text()}`);
  const published = await fetch(`${base}/publish`, { method: "POST", headers });
  if (published.status !== 201)
    throw new Error(`publish ${definition.id}: ${published.status} ${await published.text()}`);
};

const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, "utf8")) as T;

/**
 * The reference incident with its CMDB call pointed at the local stub, and its variables
 * declared: the server refuses to publish a workflow whose expressions name undeclared
 * variables (the runtime bench starts it without that check). They are the form's fields.
 */
const referenceIncident = (cmdbUrl: string) => {
  const definition = readJson<{
    id: string;
    variables: unknown;
    nodes: { id: string; config: Record<string, unknown> }[];
  }>(join(BENCH, "reference-incident.workflow.json"));
  definition.variables = readJson<{ schema: unknown }>(
    join(BENCH, "fixtures/reference-incident.form.json"),
  ).schema;
  const cmdb = definition.nodes.find((node) => node.id === "cmdb");
  if (cmdb === undefined) throw new Error("the reference incident has no cmdb node");
  cmdb.config.url = `${cmdbUrl}/api/incidents/{{ number }}`;
  return definition;
};

const tsxProcess = (script: string, argument: unknown, ipc: boolean): ChildProcess =>
  spawn(process.execPath, ["--import", "tsx", join(BENCH, script), JSON.stringify(argument)], {
    cwd: REPOSITORY_ROOT,
    stdio: ipc ? ["ignore", "inherit", "inherit", "ipc"] : ["ignore", "pipe", "inherit"],
  });

const runLoad = (plan: Record<string, unknown>): Promise<LoadFigures> =>
  new Promise((resolvePlan, reject) => {
    const child = tsxProcess("http-load-client.ts", plan, false);
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code !== 0) reject(new Error(`load client exited with ${code}`));
      else resolvePlan(JSON.parse(output.trim().split("\n").at(-1) ?? "{}") as LoadFigures);
    });
  });

/** Starts the measuring socket's process and waits until it is connected. */
const startWatcher = async (url: string, watcher: Credentials) => {
  const child = tsxProcess("http-push-watcher.ts", { url, cookie: watcher.cookie }, true);
  await new Promise<void>((resolveConnect, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`push watcher exited with ${code}`)));
    child.on("message", (message: { type: string }) => {
      if (message.type === "connected") resolveConnect();
    });
  });
  return {
    measure: () => child.send({ type: "measure" }),
    report: () =>
      new Promise<number[]>((resolveReport) => {
        child.on("message", (message: { type: string; latencies?: number[] }) => {
          if (message.type === "latencies") resolveReport(message.latencies ?? []);
        });
        child.send({ type: "report" });
      }),
    stop: () => {
      if (child.exitCode === null) child.kill();
    },
  };
};

const percentile = (values: number[], p: number): number | null => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? null;
};

/** Samples the one-minute load average while the phases run. */
const sampleLoad = () => {
  const samples: number[] = [];
  const timer = setInterval(() => samples.push(loadavg()[0] ?? 0), 1000);
  return {
    stop: () => {
      clearInterval(timer);
      return samples.length === 0 ? (loadavg()[0] ?? 0) : Math.max(...samples);
    },
  };
};

export async function runHttpBench(): Promise<
  BenchResult<{ http_commands_per_s: number; push_p99_ms: number }>
> {
  const dataDir = mkdtempSync(join(tmpdir(), "flowdesk-http-bench-"));
  const cmdb = await startCmdbStub();
  const server = await startServer(
    {
      ...configFromEnvironment({ PORT: "0", FLOWDESK_DATA_DIR: dataDir, INIT_CWD: REPOSITORY_ROOT }),
      host: "127.0.0.1",
      jobPollIntervalMs: JOB_POLL_MS,
    },
    {
      log: { info: () => undefined, error: (message, error) => console.error(message, error) },
      print: () => undefined,
    },
  );
  let watcher: Awaited<ReturnType<typeof startWatcher>> | undefined;
  try {
    await createUser(server, "bench-owner", ["process-owner"], []);
    await createUser(server, "bench-requester", ["requester"], []);
    await createUser(server, "bench-agent", ["agent"], [SERVICE_DESK]);
    await createUser(server, "bench-watcher", ["agent"], [SERVICE_DESK]);
    for (const approver of APPROVERS) await createUser(server, approver, ["agent"], []);
    const url = server.url.replace("localhost", "127.0.0.1");
    const owner = await signIn(url, "bench-owner");
    await publish(url, owner, readJson(join(BENCH, "fixtures/reference-incident.form.json")), "forms");
    await publish(url, owner, referenceIncident(cmdb.url), "workflows");
    await publish(
      url,
      owner,
      readJson(join(BENCH, "fixtures/reference-incident.catalog-item.json")),
      "catalog-items",
    );
    const approvers: Record<string, Credentials> = {};
    for (const approver of APPROVERS) approvers[approver] = await signIn(url, approver);
    const plan = {
      url,
      catalogItemId: CATALOG_ITEM,
      requester: await signIn(url, "bench-requester"),
      agent: await signIn(url, "bench-agent"),
      approvers,
      concurrency: CONCURRENCY,
      durationMs: PHASE_MS,
    };
    watcher = await startWatcher(url, await signIn(url, "bench-watcher"));

    const load = sampleLoad();
    await runLoad({ ...plan, durationMs: 1500, commandsPerSecond: 0 }); // warm-up: JIT, caches, SQLite pages
    const max = await runLoad({ ...plan, commandsPerSecond: 0 });
    const maxRate = max.commands / (max.durationMs / 1000);
    watcher.measure();
    const half = await runLoad({ ...plan, commandsPerSecond: maxRate / 2 });
    await server.publisher.settled();
    const pushLatencies = await watcher.report();
    const peakLoad = load.stop();
    for (const phase of [max, half]) {
      if (phase.firstError !== undefined) console.error(`first failed incident: ${phase.firstError}`);
    }
    const halfRate = half.commands / (half.durationMs / 1000);
    const p99 = percentile(pushLatencies, 99);
    return {
      rows: [
        {
          name: `http: commands/s, ${CONCURRENCY} concurrent reference incidents, SQLite`,
          value: maxRate,
          unit: "commands/s",
        },
        {
          name: "http: incidents ended/s at max load",
          value: max.instancesEnded / (max.durationMs / 1000),
          unit: "incidents/s",
        },
        { name: "http: failed incidents at max load", value: max.errors, unit: "incidents" },
        { name: "http: offered at half load", value: maxRate / 2, unit: "commands/s" },
        { name: "http: achieved at half load", value: halfRate, unit: "commands/s" },
        { name: "http: failed incidents at half load", value: half.errors, unit: "incidents" },
        { name: "http: CMDB stub calls (all phases)", value: cmdb.calls(), unit: "calls" },
        {
          name: "push: triage commit -> other agent's socket, p50 (half load)",
          value: percentile(pushLatencies, 50),
          unit: "ms",
        },
        { name: "push: triage commit -> other agent's socket, p99 (half load)", value: p99, unit: "ms" },
        { name: "push: events measured", value: pushLatencies.length, unit: "events" },
        { name: "machine: peak 1-min load average during the phases", value: peakLoad, unit: "" },
      ],
      figures: { http_commands_per_s: Math.round(maxRate), push_p99_ms: p99 ?? Number.NaN },
    };
  } finally {
    watcher?.stop();
    await server.close();
    await cmdb.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  printBenchResult(await runHttpBench());
}
