/**
 * Which SQLite driver carries the engine's hot path. One engine-shaped command = read
 * the instance state, versioned update of the instance, insert a task + complete the
 * previous one, two history rows, one job, all in one durable transaction (WAL,
 * synchronous=FULL), run sequentially. Compared: knex over node sqlite3, knex over
 * better-sqlite3, better-sqlite3 prepared statements, the same with 10 commands per
 * commit, and Flowdesk's own store path (repositories over cached prepared statements).
 *
 * Run alone: `npx tsx bench/sqlite-driver.bench.ts`.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import type { Knex } from "@flowdesk/store";
import { openStore } from "@flowdesk/store";
import type BetterSqlite3 from "better-sqlite3";
import { type BenchResult, printBenchResult } from "./bench-report.ts";

// The drivers are the store package's dependencies; resolve them from there.
const requireFromStore = createRequire(new URL("../packages/store/package.json", import.meta.url));
const knexFactory = requireFromStore("knex") as (config: Knex.Config) => Knex;
const Database = requireFromStore("better-sqlite3") as typeof BetterSqlite3;

const RUN_MS = Number(process.env.SQLITE_BENCH_MS ?? 2500);
const STATE = JSON.stringify({
  stateVersion: 1,
  variables: { priority: "P2", category: "network", summary: "VPN drops every hour", impact: "team" },
  tokens: { t1: { id: "t1", nodeId: "triage", wait: { kind: "task", taskId: "task-0" } } },
  tasks: {
    "task-0": { id: "task-0", nodeId: "triage", kind: "task", assignment: { kind: "group", group: "sd" } },
  },
});

const SCHEMA = [
  "CREATE TABLE instances (id TEXT PRIMARY KEY, state TEXT NOT NULL, version INTEGER NOT NULL, updated_at TEXT)",
  "CREATE TABLE tasks (id TEXT PRIMARY KEY, instance_id TEXT NOT NULL, node_id TEXT, state TEXT NOT NULL, version INTEGER NOT NULL, updated_at TEXT)",
  "CREATE INDEX tasks_instance_idx ON tasks (instance_id)",
  "CREATE TABLE history (seq INTEGER PRIMARY KEY AUTOINCREMENT, instance_id TEXT NOT NULL, type TEXT NOT NULL, data TEXT, at TEXT)",
  "CREATE TABLE jobs (id TEXT PRIMARY KEY, instance_id TEXT, status TEXT NOT NULL, due_at TEXT NOT NULL, payload TEXT)",
  "CREATE INDEX jobs_due_idx ON jobs (status, due_at)",
];

const SQL = {
  read: "SELECT state, version FROM instances WHERE id = ?",
  update:
    "UPDATE instances SET state = ?, version = version + 1, updated_at = ? WHERE id = ? AND version = ?",
  completeTask:
    "UPDATE tasks SET state = 'completed', version = version + 1, updated_at = ? WHERE id = ? AND state = 'open'",
  insertTask:
    "INSERT INTO tasks (id, instance_id, node_id, state, version, updated_at) VALUES (?, ?, ?, 'open', 1, ?)",
  history: "INSERT INTO history (instance_id, type, data, at) VALUES (?, ?, ?, ?)",
  job: "INSERT INTO jobs (id, instance_id, status, due_at, payload) VALUES (?, ?, 'pending', ?, ?)",
};

const INSTANCES = 100;

interface Sample {
  commands: number;
  seconds: number;
}

const measure = async (command: (n: number) => Promise<void> | void, batch = 1): Promise<Sample> => {
  let n = 0;
  const started = performance.now();
  while (performance.now() - started < RUN_MS) {
    await command(n);
    n += batch;
  }
  return { commands: n, seconds: (performance.now() - started) / 1000 };
};

const params = (n: number) => {
  const instanceId = `i${n % INSTANCES}`;
  const at = new Date(1_767_600_000_000 + n).toISOString();
  return { instanceId, at, previousTask: `task-${n}`, nextTask: `task-${n + INSTANCES}` };
};

/** FULL = durable commits (what Flowdesk runs); OFF isolates the driver's CPU cost from fsync. */
type Synchronous = "FULL" | "OFF";

async function knexVariant(
  client: "sqlite3" | "better-sqlite3",
  dir: string,
  synchronous: Synchronous = "FULL",
): Promise<Sample> {
  const knex = knexFactory({
    client,
    connection: { filename: join(dir, `${client}-${synchronous}.sqlite`) },
    useNullAsDefault: true,
    pool: { min: 1, max: 1 },
  });
  await knex.raw("PRAGMA journal_mode = WAL");
  await knex.raw(`PRAGMA synchronous = ${synchronous}`);
  for (const statement of SCHEMA) await knex.raw(statement);
  await seedWith((sql, values) => knex.raw(sql, values as Knex.RawBinding[]).then(() => undefined));
  const sample = await measure(async (n) => {
    const p = params(n);
    await knex.transaction(async (trx) => {
      const rows = (await trx("instances").select("state", "version").where({ id: p.instanceId })) as {
        state: string;
        version: number;
      }[];
      const row = rows[0]!;
      const state = JSON.parse(row.state) as object;
      await trx("instances")
        .update({ state: JSON.stringify(state), version: row.version + 1, updated_at: p.at })
        .where({ id: p.instanceId, version: row.version });
      await trx("tasks")
        .update({ state: "completed", updated_at: p.at })
        .where({ id: p.previousTask, state: "open" });
      await trx("tasks").insert({
        id: p.nextTask,
        instance_id: p.instanceId,
        node_id: "n",
        state: "open",
        version: 1,
        updated_at: p.at,
      });
      await trx("history").insert([
        { instance_id: p.instanceId, type: "task.completed", data: "{}", at: p.at },
        { instance_id: p.instanceId, type: "task.created", data: "{}", at: p.at },
      ]);
      await trx("jobs").insert({
        id: `job-${n}`,
        instance_id: p.instanceId,
        status: "pending",
        due_at: p.at,
        payload: "{}",
      });
    });
  });
  await knex.destroy();
  return sample;
}

async function seedWith(run: (sql: string, values: unknown[]) => Promise<void>): Promise<void> {
  for (let i = 0; i < INSTANCES; i++) {
    await run("INSERT INTO instances (id, state, version) VALUES (?, ?, 1)", [`i${i}`, STATE]);
    await run("INSERT INTO tasks (id, instance_id, node_id, state, version) VALUES (?, ?, 'n', 'open', 1)", [
      `task-${i}`,
      `i${i}`,
    ]);
  }
}

function preparedVariant(dir: string, perCommit: number, synchronous: Synchronous = "FULL"): Promise<Sample> {
  const db = new Database(join(dir, `prepared-${perCommit}-${synchronous}.sqlite`));
  db.pragma("journal_mode = WAL");
  db.pragma(`synchronous = ${synchronous}`);
  for (const statement of SCHEMA) db.exec(statement);
  const s = Object.fromEntries(Object.entries(SQL).map(([name, sql]) => [name, db.prepare(sql)])) as Record<
    keyof typeof SQL,
    BetterSqlite3.Statement
  >;
  const seed = db.prepare("INSERT INTO instances (id, state, version) VALUES (?, ?, 1)");
  const seedTask = db.prepare(
    "INSERT INTO tasks (id, instance_id, node_id, state, version) VALUES (?, ?, 'n', 'open', 1)",
  );
  for (let i = 0; i < INSTANCES; i++) {
    seed.run(`i${i}`, STATE);
    seedTask.run(`task-${i}`, `i${i}`);
  }
  const one = (n: number) => {
    const p = params(n);
    const row = s.read.get(p.instanceId) as { state: string; version: number };
    const state = JSON.parse(row.state) as object;
    s.update.run(JSON.stringify(state), p.at, p.instanceId, row.version);
    s.completeTask.run(p.at, p.previousTask);
    s.insertTask.run(p.nextTask, p.instanceId, "n", p.at);
    s.history.run(p.instanceId, "task.completed", "{}", p.at);
    s.history.run(p.instanceId, "task.created", "{}", p.at);
    s.job.run(`job-${n}`, p.instanceId, p.at, "{}");
  };
  // Group commit: several commands share one COMMIT (one fsync); each still has its own savepoint.
  const group = db.transaction((first: number) => {
    for (let k = 0; k < perCommit; k++) db.transaction(one)(first + k);
  });
  return measure((n) => group(n), perCommit).finally(() => db.close());
}

async function storeVariant(dir: string, concurrency: number): Promise<Sample> {
  const store = await openStore({ dataDir: dir, filename: `store-${concurrency}.sqlite` });
  const at = "2026-01-05T09:00:00.000Z";
  await store.transaction(async (tx) => {
    for (let i = 0; i < INSTANCES; i++) {
      await tx.instances.insert({
        id: `i${i}`,
        definitionId: "d",
        definitionVersion: 1,
        definitionHash: "h",
        status: "running",
        state: JSON.parse(STATE),
        version: 1,
        businessKey: null,
        parentInstanceId: null,
        createdAt: at,
        updatedAt: at,
      });
    }
  });
  const task = (id: string, instanceId: string) => ({
    id,
    instanceId,
    nodeId: "n",
    tokenId: id,
    kind: "task" as const,
    slot: "",
    title: null,
    assigneeUser: null,
    assigneeGroup: "sd",
    state: "open" as const,
    form: null,
    data: null,
    outcome: null,
    completedBy: null,
    dueAt: null,
    version: 1,
    createdAt: at,
    updatedAt: at,
  });
  await store.transaction(async (tx) => {
    for (let i = 0; i < INSTANCES; i++) await tx.tasks.insert([task(`task-${i}`, `i${i}`)]);
  });
  // Each of `concurrency` callers owns its own instances, as concurrent agents would.
  const command = (n: number) =>
    store.transaction(async (tx) => {
      const p = params(n);
      const instance = (await tx.instances.get(p.instanceId))!;
      await tx.instances.update(p.instanceId, instance.version, {
        status: "running",
        state: instance.state,
        updatedAt: p.at,
      });
      await tx.tasks.close(p.previousTask, { outcome: "done", completedBy: "agent", data: null, at: p.at });
      await tx.tasks.insert([task(p.nextTask, p.instanceId)]);
      await tx.history.append([
        {
          instanceId: p.instanceId,
          type: "task.completed",
          nodeId: "n",
          tokenId: null,
          actor: "agent",
          data: {},
          at: p.at,
        },
        {
          instanceId: p.instanceId,
          type: "task.created",
          nodeId: "n",
          tokenId: null,
          actor: null,
          data: {},
          at: p.at,
        },
      ]);
      await tx.jobs.insert([
        {
          id: `job-${n}`,
          kind: "timer",
          instanceId: p.instanceId,
          nodeId: "n",
          tokenId: null,
          status: "pending",
          dueAt: p.at,
          payload: {},
          attempts: 0,
          maxAttempts: 5,
          lastError: null,
          leaseOwner: null,
          leaseExpiresAt: null,
          idempotencyKey: null,
          createdAt: p.at,
          updatedAt: p.at,
        },
      ]);
    });
  const sample = await measure(
    (n) => Promise.all(Array.from({ length: concurrency }, (_, k) => command(n + k))).then(() => undefined),
    concurrency,
  );
  await store.close();
  return sample;
}

export async function runSqliteDriverBench(): Promise<BenchResult> {
  const dir = mkdtempSync(join(tmpdir(), "flowdesk-sqlite-bench-"));
  try {
    const variants: [string, () => Promise<Sample>][] = [
      ["knex + sqlite3", () => knexVariant("sqlite3", dir)],
      ["knex + better-sqlite3", () => knexVariant("better-sqlite3", dir)],
      ["better-sqlite3 prepared", () => preparedVariant(dir, 1)],
      ["better-sqlite3 prepared, 10 per commit", () => preparedVariant(dir, 10)],
      ["knex + sqlite3, synchronous=OFF (CPU only)", () => knexVariant("sqlite3", dir, "OFF")],
      ["knex + better-sqlite3, synchronous=OFF (CPU only)", () => knexVariant("better-sqlite3", dir, "OFF")],
      ["better-sqlite3 prepared, synchronous=OFF (CPU only)", () => preparedVariant(dir, 1, "OFF")],
      ["flowdesk store, sequential", () => storeVariant(dir, 1)],
      ["flowdesk store, 32 concurrent (group commit)", () => storeVariant(dir, 32)],
    ];
    const rows: BenchResult["rows"] = [];
    const figures: Record<string, number> = {};
    for (const [name, run] of variants) {
      const sample = await run();
      const rate = sample.commands / sample.seconds;
      rows.push({ name: `sqlite command: ${name}`, value: rate, unit: "commands/s" });
      figures[
        `sqlite_driver_${name
          .replace(/[^a-z0-9]+/gi, "_")
          .replace(/_+$/, "")
          .toLowerCase()}_per_s`
      ] = Math.round(rate);
    }
    return { rows, figures };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // Other work on the machine shows up in every figure here; say how busy it was.
  process.stderr.write(
    `  machine: ${cpus().length} cores (${cpus()[0]?.model ?? "?"}), load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")}\n`,
  );
  printBenchResult(await runSqliteDriverBench());
}
