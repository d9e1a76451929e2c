import type { InstanceStatus } from "@flowdesk/core";
import { toNumber, toStringOrNull } from "../connection/row-mapping.ts";
import type { SqlExecutor, SqlRow } from "../connection/sql-executor.ts";

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

/**
 * Narrows a listing to the instances one person may see: those they requested, and those
 * with a task assigned to them or to one of their groups, or completed by them. Absent =
 * every instance (admins and process owners); the server decides who gets which.
 */
export interface InstanceAudience {
  userId: string;
  username: string;
  groups: readonly string[];
}

const audienceCondition = (audience: InstanceAudience): { sql: string; params: unknown[] } => {
  const taskMatches = ["t.assignee_user = ?", "t.completed_by = ?"];
  const params: unknown[] = [audience.username, audience.username];
  if (audience.groups.length > 0) {
    taskMatches.push(`t.assignee_group IN (${audience.groups.map(() => "?").join(", ")})`);
    params.push(...audience.groups);
  }
  params.push(audience.userId);
  return {
    sql: `(EXISTS (SELECT 1 FROM tasks t WHERE t.instance_id = instances.id AND (${taskMatches.join(" OR ")}))
       OR EXISTS (SELECT 1 FROM requests r WHERE r.instance_id = instances.id AND r.requester_id = ?))`,
    params,
  };
};

/** Read-only listing of instances for agents and process owners (the runtime reads one at a time). */
export const instanceListRepository = (sql: SqlExecutor) => ({
  async list(filter: {
    definitionId?: string;
    status?: InstanceStatus;
    audience?: InstanceAudience;
    limit: number;
    offset: number;
  }): Promise<InstanceSummary[]> {
    const conditions: string[] = [];
    const params: unknown[] = [];
    if (filter.audience !== undefined) {
      const audience = audienceCondition(filter.audience);
      conditions.push(audience.sql);
      params.push(...audience.params);
    }
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
