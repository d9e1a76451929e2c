import type { JobRecord, JobRepository, JobStatus } from "@flowdesk/engine";
import { fromJson, placeholders, toJson, toNumber, toStringOrNull } from "../connection/row-mapping.ts";
import type { SqlExecutor, SqlRow } from "../connection/sql-executor.ts";

const toJob = (row: SqlRow): JobRecord => ({
  id: String(row.id),
  kind: String(row.kind),
  instanceId: toStringOrNull(row.instance_id),
  nodeId: toStringOrNull(row.node_id),
  tokenId: toStringOrNull(row.token_id),
  status: String(row.status) as JobStatus,
  dueAt: String(row.due_at),
  payload: fromJson(row.payload),
  attempts: toNumber(row.attempts),
  maxAttempts: toNumber(row.max_attempts),
  lastError: toStringOrNull(row.last_error),
  leaseOwner: toStringOrNull(row.lease_owner),
  leaseExpiresAt: toStringOrNull(row.lease_expires_at),
  idempotencyKey: toStringOrNull(row.idempotency_key),
  createdAt: String(row.created_at),
  updatedAt: String(row.updated_at),
});

const INSERT = `INSERT INTO jobs (id, kind, instance_id, node_id, token_id, status, due_at, payload, attempts,
  max_attempts, last_error, lease_owner, lease_expires_at, idempotency_key, created_at, updated_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

const CLAIMABLE = `(status = 'pending' AND due_at <= ?) OR (status = 'running' AND lease_expires_at <= ?)`;

/**
 * Claiming: one UPDATE ... WHERE id IN (SELECT ... LIMIT n) RETURNING. On PostgreSQL
 * the inner SELECT takes row locks with SKIP LOCKED so concurrent workers (other server
 * processes) take disjoint jobs without waiting; SQLite has a single writer, so the
 * statement alone is atomic.
 */
const claimSql = (dialect: "sqlite" | "postgres"): string =>
  `UPDATE jobs SET status = 'running', lease_owner = ?, lease_expires_at = ?, attempts = attempts + 1, updated_at = ?
   WHERE id IN (SELECT id FROM jobs WHERE ${CLAIMABLE} ORDER BY due_at LIMIT ?${
     dialect === "postgres" ? " FOR UPDATE SKIP LOCKED" : ""
   }) RETURNING *`;

export const jobRepository = (sql: SqlExecutor): JobRepository => ({
  async get(id) {
    const [row] = await sql.all("SELECT * FROM jobs WHERE id = ?", [id]);
    return row === undefined ? undefined : toJob(row);
  },

  async listByInstance(instanceId) {
    const rows = await sql.all("SELECT * FROM jobs WHERE instance_id = ? ORDER BY created_at, id", [
      instanceId,
    ]);
    return rows.map(toJob);
  },

  async insert(jobs) {
    for (const job of jobs) {
      await sql.run(INSERT, [
        job.id,
        job.kind,
        job.instanceId,
        job.nodeId,
        job.tokenId,
        job.status,
        job.dueAt,
        toJson(job.payload),
        job.attempts,
        job.maxAttempts,
        job.lastError,
        job.leaseOwner,
        job.leaseExpiresAt,
        job.idempotencyKey,
        job.createdAt,
        job.updatedAt,
      ]);
    }
  },

  async cancel(ids, at) {
    if (ids.length === 0) return 0;
    return sql.run(
      `UPDATE jobs SET status = 'cancelled', lease_owner = NULL, lease_expires_at = NULL, updated_at = ?
       WHERE id IN (${placeholders(ids.length)}) AND status IN ('pending', 'running')`,
      [at, ...ids],
    );
  },

  async markDone(id, at) {
    const changed = await sql.run(
      `UPDATE jobs SET status = 'done', lease_owner = NULL, lease_expires_at = NULL, updated_at = ?
       WHERE id = ? AND status IN ('pending', 'running')`,
      [at, id],
    );
    return changed === 1;
  },

  async reschedule(id, change) {
    await sql.run(
      `UPDATE jobs SET status = 'pending', due_at = ?, last_error = ?, lease_owner = NULL, lease_expires_at = NULL,
         updated_at = ? WHERE id = ?`,
      [change.dueAt, change.lastError, change.at, id],
    );
  },

  async markFailed(id, change) {
    await sql.run(
      `UPDATE jobs SET status = 'failed', last_error = ?, lease_owner = NULL, lease_expires_at = NULL, updated_at = ?
       WHERE id = ?`,
      [change.lastError, change.at, id],
    );
  },

  async requeue(id, change) {
    await sql.run(
      `UPDATE jobs SET status = 'pending', attempts = 0, due_at = ?, lease_owner = NULL, lease_expires_at = NULL,
         updated_at = ? WHERE id = ?`,
      [change.dueAt, change.at, id],
    );
  },

  async claimDue(input) {
    const rows = await sql.all(claimSql(sql.dialect), [
      input.owner,
      input.leaseUntil,
      input.now,
      input.now,
      input.now,
      input.limit,
    ]);
    return rows.map(toJob).sort((a, b) => (a.dueAt < b.dueAt ? -1 : a.dueAt > b.dueAt ? 1 : 0));
  },

  async nextDueAt() {
    const [row] = await sql.all("SELECT MIN(due_at) AS due_at FROM jobs WHERE status = 'pending'");
    return toStringOrNull(row?.due_at) ?? undefined;
  },
});
