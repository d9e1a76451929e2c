import type { SerializedError } from "@flowdesk/core";
import type { IncidentRecord, IncidentRepository, IncidentStatus } from "@flowdesk/engine";
import { fromJson, toJson, toNumber, toStringOrNull } from "../connection/row-mapping.ts";
import type { SqlExecutor, SqlRow } from "../connection/sql-executor.ts";

const toIncident = (row: SqlRow): IncidentRecord => ({
  id: String(row.id),
  instanceId: String(row.instance_id),
  nodeId: toStringOrNull(row.node_id),
  tokenId: toStringOrNull(row.token_id),
  jobId: toStringOrNull(row.job_id),
  error: fromJson(row.error) as SerializedError,
  status: String(row.status) as IncidentStatus,
  retryCount: toNumber(row.retry_count),
  createdAt: String(row.created_at),
  resolvedAt: toStringOrNull(row.resolved_at),
});

export const incidentRepository = (sql: SqlExecutor): IncidentRepository => ({
  async insert(incident) {
    await sql.run(
      `INSERT INTO incidents (id, instance_id, node_id, token_id, job_id, error, status, retry_count, created_at,
         resolved_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        incident.id,
        incident.instanceId,
        incident.nodeId,
        incident.tokenId,
        incident.jobId,
        toJson(incident.error),
        incident.status,
        incident.retryCount,
        incident.createdAt,
        incident.resolvedAt,
      ],
    );
  },

  async get(id) {
    const [row] = await sql.all("SELECT * FROM incidents WHERE id = ?", [id]);
    return row === undefined ? undefined : toIncident(row);
  },

  async listByInstance(instanceId) {
    const rows = await sql.all("SELECT * FROM incidents WHERE instance_id = ? ORDER BY created_at, id", [
      instanceId,
    ]);
    return rows.map(toIncident);
  },

  async listOpen(limit) {
    const rows = await sql.all("SELECT * FROM incidents WHERE status = 'open' ORDER BY created_at LIMIT ?", [
      limit,
    ]);
    return rows.map(toIncident);
  },

  async resolveForRetry(id, at) {
    const changed = await sql.run(
      `UPDATE incidents SET status = 'resolved', retry_count = retry_count + 1, resolved_at = ?
       WHERE id = ? AND status = 'open'`,
      [at, id],
    );
    return changed === 1;
  },
});
