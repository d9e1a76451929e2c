import type { Page } from "../connection/page.ts";
import { fromJson, toJson, toNumber, toStringOrNull } from "../connection/row-mapping.ts";
import type { SqlExecutor, SqlRow } from "../connection/sql-executor.ts";
import type { AuditEntry, AuditFilter, NewAuditEntry } from "./audit-records.ts";

const toEntry = (row: SqlRow): AuditEntry => ({
  seq: toNumber(row.seq),
  at: String(row.at),
  actor: toStringOrNull(row.actor),
  action: String(row.action),
  targetType: String(row.target_type),
  targetId: toStringOrNull(row.target_id),
  ip: toStringOrNull(row.ip),
  details: fromJson(row.details),
});

/** The WHERE clause of a filter; substr instead of LIKE so "_" and "%" in an action match themselves. */
const whereOf = (filter: AuditFilter): { clause: string; values: unknown[] } => {
  const conditions: string[] = [];
  const values: unknown[] = [];
  if (filter.actor !== undefined) {
    conditions.push("actor = ?");
    values.push(filter.actor);
  }
  if (filter.actionPrefix !== undefined) {
    conditions.push("substr(action, 1, ?) = ?");
    values.push(filter.actionPrefix.length, filter.actionPrefix);
  }
  if (filter.from !== undefined) {
    conditions.push("at >= ?");
    values.push(filter.from);
  }
  if (filter.to !== undefined) {
    conditions.push("at < ?");
    values.push(filter.to);
  }
  return { clause: conditions.length === 0 ? "" : ` WHERE ${conditions.join(" AND ")}`, values };
};

/** Append-only by design: no update, no delete. Call it inside the transaction of the change it records. */
export const auditRepository = (sql: SqlExecutor) => ({
  async append(entry: NewAuditEntry): Promise<void> {
    await sql.run(
      "INSERT INTO audit_log (at, actor, action, target_type, target_id, ip, details) VALUES (?, ?, ?, ?, ?, ?, ?)",
      [
        entry.at,
        entry.actor,
        entry.action,
        entry.targetType,
        entry.targetId,
        entry.ip,
        toJson(entry.details),
      ],
    );
  },

  /** Newest first. */
  async list(page: Page, filter: AuditFilter = {}): Promise<AuditEntry[]> {
    const where = whereOf(filter);
    const rows = await sql.all(`SELECT * FROM audit_log${where.clause} ORDER BY seq DESC LIMIT ? OFFSET ?`, [
      ...where.values,
      page.limit,
      page.offset,
    ]);
    return rows.map(toEntry);
  },

  async count(filter: AuditFilter = {}): Promise<number> {
    const where = whereOf(filter);
    const [row] = await sql.all(`SELECT COUNT(*) AS n FROM audit_log${where.clause}`, where.values);
    return toNumber(row?.n);
  },
});

export type AuditRepository = ReturnType<typeof auditRepository>;
