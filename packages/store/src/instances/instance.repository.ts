import type { InstanceStatus } from "@flowdesk/core";
import type { InstanceRecord, InstanceRepository } from "@flowdesk/engine";
import { fromJson, toJson, toNumber, toStringOrNull } from "../connection/row-mapping.ts";
import type { SqlExecutor, SqlRow } from "../connection/sql-executor.ts";

const toInstance = (row: SqlRow): InstanceRecord => ({
  id: String(row.id),
  definitionId: String(row.definition_id),
  definitionVersion: toNumber(row.definition_version),
  definitionHash: String(row.definition_hash),
  status: String(row.status) as InstanceStatus,
  state: fromJson(row.state),
  version: toNumber(row.version),
  businessKey: toStringOrNull(row.business_key),
  parentInstanceId: toStringOrNull(row.parent_instance_id),
  createdAt: String(row.created_at),
  updatedAt: String(row.updated_at),
});

export const instanceRepository = (sql: SqlExecutor): InstanceRepository => ({
  async get(id) {
    const [row] = await sql.all("SELECT * FROM instances WHERE id = ?", [id]);
    return row === undefined ? undefined : toInstance(row);
  },

  async findByBusinessKey(businessKey) {
    const rows = await sql.all("SELECT * FROM instances WHERE business_key = ? ORDER BY created_at", [
      businessKey,
    ]);
    return rows.map(toInstance);
  },

  async insert(instance) {
    await sql.run(
      `INSERT INTO instances (id, definition_id, definition_version, definition_hash, status, state, version,
         business_key, parent_instance_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        instance.id,
        instance.definitionId,
        instance.definitionVersion,
        instance.definitionHash,
        instance.status,
        toJson(instance.state),
        instance.version,
        instance.businessKey,
        instance.parentInstanceId,
        instance.createdAt,
        instance.updatedAt,
      ],
    );
  },

  async update(id, expectedVersion, change) {
    const changed = await sql.run(
      "UPDATE instances SET status = ?, state = ?, version = version + 1, updated_at = ? WHERE id = ? AND version = ?",
      [change.status, toJson(change.state), change.updatedAt, id, expectedVersion],
    );
    return changed === 1;
  },

  async countByStatus(status) {
    const [row] = await sql.all("SELECT COUNT(*) AS n FROM instances WHERE status = ?", [status]);
    return toNumber(row?.n ?? 0);
  },
});
