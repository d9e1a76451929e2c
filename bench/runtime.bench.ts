/**
 * The durable runtime end to end: the reference incident process (start with form data,
 * triage, two parallel approvals, a CMDB call, end) driven through WorkflowRuntime and
 * the JobRunner on SQLite (WAL, synchronous=FULL) and PostgreSQL. Per instance: start,
 * complete triage, two approval decisions, one HTTP result = 5 committed commands.
 * The CMDB answers through an injected fetch, so the figures are the runtime's, not a
 * network's.
 *
 * Run alone: `npx tsx bench/runtime.bench.ts` (TEST_PG_URL selects the PostgreSQL
 * server; default postgres://postgres@127.0.0.1:5432/postgres when it is reachable).
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import type { Effect, WorkflowDefinition } from "@flowdesk/core";
import { type CommandResult, JobRunner, WorkflowRuntime } from "@flowdesk/engine";
import { createPostgresDatabase, dropPostgresDatabase, openStore, type SqlStore } from "@flowdesk/store";
import { type BenchResult, printBenchResult } from "./bench-report.ts";

const definition = JSON.parse(
  readFileSync(new URL("./reference-incident.workflow.json", import.meta.url), "utf8"),
) as WorkflowDefinition;

const SATURATE_MS = Number(process.env.RUNTIME_BENCH_MS ?? 6000);
const AGENTS = 32;

const cmdbFetch: typeof fetch = async () =>
  new Response('{"status":"updated"}', { status: 200, headers: { "content-type": "application/json" } });

interface Rig {
  store: SqlStore;
  runtime: WorkflowRuntime;
  runner: JobRunner;
  latencies: number[];
  commands: number;
  completed: number;
}

const rig = (store: SqlStore): Rig => {
  const runtime = new WorkflowRuntime({ store });
  const state: Rig = {
    store,
    runtime,
    runner: undefined as unknown as JobRunner,
    latencies: [],
    commands: 0,
    completed: 0,
  };
  state.runner = new JobRunner({
    runtime,
    fetch: cmdbFetch,
    batchSize: 64,
    onCommitted: (result) => {
      state.commands++;
      if (result.instance.status === "completed") state.completed++;
    },
  });
  return state;
};

/** Tasks a command opened, with the user they are assigned to (approvals check the approver). */
const created = (result: CommandResult): { taskId: string; user: string }[] =>
  result.effects.flatMap((effect: Effect) =>
    effect.type === "task.create"
      ? [
          {
            taskId: effect.taskId,
            user: effect.assignment.kind === "user" ? effect.assignment.user : "agent",
          },
        ]
      : [],
  );

/** One agent's share of an instance: start, triage, both approvals (the runner does the CMDB call). */
async function runIncident(rig: Rig, n: number): Promise<void> {
  const timed = async (command: () => Promise<CommandResult>): Promise<CommandResult> => {
    const started = performance.now();
    const result = await command();
    rig.latencies.push(performance.now() - started);
    rig.commands++;
    if (result.instance.status === "completed") rig.completed++;
    return result;
  };
  const start = await timed(() =>
    rig.runtime.startInstance({
      definitionId: definition.id,
      requester: "requester",
      data: { priority: "P1", number: `INC-${n}`, summary: "VPN drops every hour" },
    }),
  );
  const [triage] = created(start);
  const afterTriage = await timed(() => rig.runtime.completeTask({ taskId: triage!.taskId, by: "agent" }));
  for (const approval of created(afterTriage)) {
    await timed(() =>
      rig.runtime.decideApproval({ taskId: approval.taskId, by: approval.user, decision: "approved" }),
    );
  }
}

/** Runs the job runner in a tight loop until told to stop. */
const runnerLoop = (rig: Rig, stop: { now: boolean }): Promise<void> =>
  (async () => {
    while (!stop.now) {
      const pass = await rig.runner.runDue();
      if (pass.claimed === 0) await new Promise((resolve) => setTimeout(resolve, 2));
    }
  })();

interface LoadFigures {
  commandsPerS: number;
  instancesPerS: number;
  p50: number;
  p99: number;
  /** CPU time of this process per committed command: what the figures would be on an idle core. */
  cpuMsPerCommand: number;
}

const percentile = (values: number[], p: number): number => {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};

const reset = (rig: Rig) => {
  rig.latencies = [];
  rig.commands = 0;
  rig.completed = 0;
};

let sequence = 0;

/** Closed loop: AGENTS agents each run incidents back to back. */
async function saturate(rig: Rig, ms: number): Promise<LoadFigures> {
  reset(rig);
  const cpu = process.cpuUsage();
  const stop = { now: false };
  const runner = runnerLoop(rig, stop);
  const started = performance.now();
  await Promise.all(
    Array.from({ length: AGENTS }, async () => {
      while (performance.now() - started < ms) await runIncident(rig, sequence++);
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  stop.now = true;
  await runner;
  const used = process.cpuUsage(cpu);
  return {
    commandsPerS: rig.commands / seconds,
    instancesPerS: rig.completed / seconds,
    p50: percentile(rig.latencies, 50),
    p99: percentile(rig.latencies, 99),
    cpuMsPerCommand: (used.user + used.system) / 1000 / Math.max(1, rig.commands),
  };
}

/** Open loop: incidents arrive at a fixed rate, whatever the latency. */
async function atRate(rig: Rig, instancesPerS: number, ms: number): Promise<LoadFigures> {
  reset(rig);
  const stop = { now: false };
  const runner = runnerLoop(rig, stop);
  const started = performance.now();
  const flows: Promise<void>[] = [];
  let launched = 0;
  while (performance.now() - started < ms) {
    const due = Math.floor(((performance.now() - started) / 1000) * instancesPerS);
    for (; launched < due; launched++) flows.push(runIncident(rig, sequence++));
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  await Promise.all(flows);
  const seconds = (performance.now() - started) / 1000;
  stop.now = true;
  await runner;
  return {
    commandsPerS: rig.commands / seconds,
    instancesPerS: rig.completed / seconds,
    p50: percentile(rig.latencies, 50),
    p99: percentile(rig.latencies, 99),
    cpuMsPerCommand: Number.NaN,
  };
}

/**
 * Fills the database with `count` instances waiting at triage (instance, open task,
 * pending SLA timer), cloned from one real instance with bulk inserts.
 */
async function seedWaiting(rig: Rig, count: number): Promise<void> {
  const template = await rig.runtime.startInstance({
    definitionId: definition.id,
    requester: "requester",
    data: { priority: "P3", number: "INC-SEED", summary: "seed" },
  });
  const { store } = rig;
  const [task] = await store.transaction((tx) => tx.tasks.listByInstance(template.instance.id));
  const [job] = await store.transaction((tx) => tx.jobs.listByInstance(template.instance.id));
  const stateText = JSON.stringify(template.instance.state);
  const chunk = 5000;
  const prefix = randomBytes(4).toString("hex");
  for (let first = 0; first < count; first += chunk) {
    await store.transaction(async (tx) => {
      for (let i = first; i < Math.min(count, first + chunk); i++) {
        const id = `seed-${prefix}-${i}`;
        await tx.instances.insert({
          ...template.instance,
          id,
          state: JSON.parse(stateText.replaceAll(template.instance.id, id)),
          businessKey: `INC-S${i}`,
        });
        if (task !== undefined) await tx.tasks.insert([{ ...task, id: `${id}-task`, instanceId: id }]);
        if (job !== undefined) await tx.jobs.insert([{ ...job, id: `${id}-job`, instanceId: id }]);
      }
    });
  }
}

const pgAdminUrl = async (): Promise<string | null> => {
  const url = process.env.TEST_PG_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  try {
    const name = `flowdesk_probe_${randomBytes(4).toString("hex")}`;
    await createPostgresDatabase(url, name);
    await dropPostgresDatabase(url, name);
    return url;
  } catch {
    return null;
  }
};

type Figures = {
  sqlite_commands_per_s: number;
  sqlite_instances_per_s: number;
  sqlite_p50_ms: number;
  sqlite_p99_ms: number;
  sqlite_p99_at_70pct_ms: number;
  pg_commands_per_s: number | null;
  pg_instances_per_s: number | null;
  pg_p99_ms: number | null;
  growth_100k_vs_1k: number;
};

export async function runRuntimeBench(): Promise<BenchResult<Figures>> {
  const dataDir = mkdtempSync(join(tmpdir(), "flowdesk-runtime-bench-"));
  const log = (line: string) => process.stderr.write(`  runtime bench: ${line}\n`);
  try {
    // SQLite: saturation, then 70 % of it, then growth from 1k to 100k waiting instances.
    const sqlite = rig(await openStore({ dataDir }));
    await sqlite.runtime.publishDefinition(definition);
    await saturate(sqlite, 1000); // warm-up: statement cache, JIT
    const max = await saturate(sqlite, SATURATE_MS);
    log(`sqlite saturated ${max.commandsPerS.toFixed(0)} commands/s`);
    const at70 = await atRate(sqlite, max.instancesPerS * 0.7, SATURATE_MS);
    log(`sqlite at 70 %: p99 ${at70.p99.toFixed(1)} ms`);
    await sqlite.store.close();

    const growthDir = join(dataDir, "growth");
    const growth = rig(await openStore({ dataDir: growthDir }));
    await growth.runtime.publishDefinition(definition);
    await seedWaiting(growth, 1000);
    await saturate(growth, 1000);
    const at1k = await saturate(growth, SATURATE_MS / 2);
    await seedWaiting(growth, 99_000);
    log("seeded 100k waiting instances");
    await saturate(growth, 1000);
    const at100k = await saturate(growth, SATURATE_MS / 2);
    log(`growth ${at1k.commandsPerS.toFixed(0)} -> ${at100k.commandsPerS.toFixed(0)} commands/s`);
    await growth.store.close();

    // PostgreSQL, in a private database dropped afterwards.
    let pg: LoadFigures | null = null;
    const adminUrl = await pgAdminUrl();
    if (adminUrl !== null) {
      const name = `flowdesk_bench_${randomBytes(4).toString("hex")}`;
      const url = await createPostgresDatabase(adminUrl, name);
      try {
        const onPg = rig(await openStore({ databaseUrl: url, poolSize: 20 }));
        await onPg.runtime.publishDefinition(definition);
        await saturate(onPg, 1000);
        pg = await saturate(onPg, SATURATE_MS);
        log(`postgres saturated ${pg.commandsPerS.toFixed(0)} commands/s`);
        await onPg.store.close();
      } finally {
        await dropPostgresDatabase(adminUrl, name);
      }
    }

    const figures: Figures = {
      sqlite_commands_per_s: Math.round(max.commandsPerS),
      sqlite_instances_per_s: Math.round(max.instancesPerS),
      sqlite_p50_ms: round(max.p50),
      sqlite_p99_ms: round(max.p99),
      sqlite_p99_at_70pct_ms: round(at70.p99),
      pg_commands_per_s: pg === null ? null : Math.round(pg.commandsPerS),
      pg_instances_per_s: pg === null ? null : Math.round(pg.instancesPerS),
      pg_p99_ms: pg === null ? null : round(pg.p99),
      growth_100k_vs_1k: round(at100k.commandsPerS / at1k.commandsPerS),
    };
    return {
      rows: [
        {
          name: "runtime sqlite: committed commands",
          value: figures.sqlite_commands_per_s,
          unit: "commands/s",
        },
        {
          name: "runtime sqlite: completed instances",
          value: figures.sqlite_instances_per_s,
          unit: "instances/s",
        },
        { name: "runtime sqlite: command latency p50", value: figures.sqlite_p50_ms, unit: "ms" },
        { name: "runtime sqlite: command latency p99", value: figures.sqlite_p99_ms, unit: "ms" },
        { name: "runtime sqlite: p99 at 70% of max load", value: figures.sqlite_p99_at_70pct_ms, unit: "ms" },
        {
          name: "runtime sqlite: CPU of this process per command",
          value: round(max.cpuMsPerCommand),
          unit: "ms",
        },
        {
          name: "runtime sqlite: 1k waiting instances",
          value: Math.round(at1k.commandsPerS),
          unit: "commands/s",
        },
        {
          name: "runtime sqlite: 100k waiting instances",
          value: Math.round(at100k.commandsPerS),
          unit: "commands/s",
        },
        { name: "runtime sqlite: growth 100k vs 1k", value: figures.growth_100k_vs_1k, unit: "ratio" },
        {
          name: "runtime postgres: committed commands",
          value: figures.pg_commands_per_s,
          unit: "commands/s",
        },
        {
          name: "runtime postgres: completed instances",
          value: figures.pg_instances_per_s,
          unit: "instances/s",
        },
        { name: "runtime postgres: command latency p99", value: figures.pg_p99_ms, unit: "ms" },
        {
          name: "runtime postgres: CPU of this process per command",
          value: pg === null ? null : round(pg.cpuMsPerCommand),
          unit: "ms",
        },
      ],
      figures,
    };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const round = (value: number): number => Math.round(value * 100) / 100;

if (import.meta.url === `file://${process.argv[1]}`) {
  // Other work on the machine shows up in every figure here; say how busy it was.
  process.stderr.write(
    `  machine: ${cpus().length} cores (${cpus()[0]?.model ?? "?"}), load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")}\n`,
  );
  const started = performance.now();
  const result = await runRuntimeBench();
  printBenchResult(result);
  process.stderr.write(`  runtime bench took ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
}
