import type { InstanceStatus } from "@flowdesk/core";
import type { SqlExecutor, SqlRow } from "../connection/sql-executor.ts";
import { toNumber, toStringOrNull } from "../repositories/row-mapping.ts";

/** An instance without its state: what a list of instances shows. */
export interface InstanceSummary {
  id: string;
  definitionId: string;
  definitionVersion: number;
  definitionHash: string;
  status: InstanceStatus;
  version: number;
  businessKey: string | null;
  parentInstanceId: string | null;
  createdAt: string;
  updatedAt: string;
}

const toSummary = (row: SqlRow): InstanceSummary => ({
  id: String(row.id),
  definitionId: String(row.definition_id),
  definitionVersion: toNumber(row.definition_version),
  definitionHash: String(row.definition_hash),
  status: String(row.status) as InstanceStatus,
  version: toNumber(row.version),
  businessKey: toStringOrNull(row.business_key),
  parentInstanceId: toStringOrNull(row.parent_instance_id),
  createdAt: String(row.created_at),
  updatedAt: String(row.updated_at),
});

/** Read-only listing of instances for agents and process owners (the runtime reads one at a time). */
export const instanceListRepository = (sql: SqlExecutor) => ({
  async list(filter: {
    definitionId?: string;
    status?: InstanceStatus;
    limit: number;
    offset: number;
  }): Promise<InstanceSummary[]> {
    const conditions: string[] = [];
    const params: unknown[] = [];
    if (filter.definitionId !== undefined) {
      conditions.push("definition_id = ?");
      params.push(filter.definitionId);
    }
    if (filter.status !== undefined) {
      conditions.push("status = ?");
      params.push(filter.status);
    }
    const where = conditions.length === 0 ? "" : `WHERE ${conditions.join(" AND ")}`;
    const rows = await sql.all(
      `SELECT id, definition_id, definition_version, definition_hash, status, version, business_key,
         parent_instance_id, created_at, updated_at FROM instances ${where}
       ORDER BY created_at DESC, id LIMIT ? OFFSET ?`,
      [...params, filter.limit, filter.offset],
    );
    return rows.map(toSummary);
  },
});
