import type { SqlExecutor, SqlRow } from "../connection/sql-executor.ts";
import { fromJson, toJson, toNumber, toStringOrNull } from "../repositories/row-mapping.ts";
import type { AuditEntry, NewAuditEntry, Page } from "./account-records.ts";

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
  async list(page: Page): Promise<AuditEntry[]> {
    const rows = await sql.all("SELECT * FROM audit_log ORDER BY seq DESC LIMIT ? OFFSET ?", [
      page.limit,
      page.offset,
    ]);
    return rows.map(toEntry);
  },

  async count(): Promise<number> {
    const [row] = await sql.all("SELECT COUNT(*) AS n FROM audit_log");
    return toNumber(row?.n);
  },
});

export type AuditRepository = ReturnType<typeof auditRepository>;
