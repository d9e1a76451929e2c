import type { InstanceStatus } from "@flowdesk/core";
import { toNumber } from "../connection/row-mapping.ts";
import type { SqlExecutor, SqlRow } from "../connection/sql-executor.ts";

/** What a requester submitted, and against which exact catalog item and form versions. */
export interface RequestRecord {
  instanceId: string;
  requesterId: string;
  /** The requester's user name: the runtime's `requester` and the name assignments use. */
  requester: string;
  catalogItemId: string;
  catalogItemVersion: number;
  formId: string;
  formVersion: number;
  formHash: string;
  title: string;
  createdAt: string;
}

/** A request with its instance's current status and workflow version. */
export interface RequestSummary extends RequestRecord {
  status: InstanceStatus;
  workflowId: string;
  workflowVersion: number;
  workflowHash: string;
  updatedAt: string;
}

const toSummary = (row: SqlRow): RequestSummary => ({
  instanceId: String(row.instance_id),
  requesterId: String(row.requester_id),
  requester: String(row.requester),
  catalogItemId: String(row.catalog_item_id),
  catalogItemVersion: toNumber(row.catalog_item_version),
  formId: String(row.form_id),
  formVersion: toNumber(row.form_version),
  formHash: String(row.form_hash),
  title: String(row.title),
  createdAt: String(row.created_at),
  status: String(row.status) as InstanceStatus,
  workflowId: String(row.definition_id),
  workflowVersion: toNumber(row.definition_version),
  workflowHash: String(row.definition_hash),
  updatedAt: String(row.updated_at),
});

const SELECT = `SELECT r.*, i.status, i.definition_id, i.definition_version, i.definition_hash, i.updated_at
  FROM requests r JOIN instances i ON i.id = r.instance_id`;

export const requestRepository = (sql: SqlExecutor) => ({
  async insert(request: RequestRecord): Promise<void> {
    await sql.run(
      `INSERT INTO requests (instance_id, requester_id, requester, catalog_item_id, catalog_item_version, form_id,
         form_version, form_hash, title, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        request.instanceId,
        request.requesterId,
        request.requester,
        request.catalogItemId,
        request.catalogItemVersion,
        request.formId,
        request.formVersion,
        request.formHash,
        request.title,
        request.createdAt,
      ],
    );
  },

  async get(instanceId: string): Promise<RequestSummary | undefined> {
    const [row] = await sql.all(`${SELECT} WHERE r.instance_id = ?`, [instanceId]);
    return row === undefined ? undefined : toSummary(row);
  },

  /** Newest first. */
  async listByRequester(filter: {
    requesterId: string;
    status?: InstanceStatus;
    limit: number;
    offset: number;
  }): Promise<RequestSummary[]> {
    const params: unknown[] = [filter.requesterId];
    let where = "r.requester_id = ?";
    if (filter.status !== undefined) {
      where += " AND i.status = ?";
      params.push(filter.status);
    }
    const rows = await sql.all(
      `${SELECT} WHERE ${where} ORDER BY r.created_at DESC, r.instance_id LIMIT ? OFFSET ?`,
      [...params, filter.limit, filter.offset],
    );
    return rows.map(toSummary);
  },
});
