import type { HistoryRecord, HistoryRepository } from "@flowdesk/engine";
import { fromJson, toJson, toNumber, toStringOrNull } from "../connection/row-mapping.ts";
import type { SqlExecutor, SqlRow } from "../connection/sql-executor.ts";

const toHistory = (row: SqlRow): HistoryRecord => ({
  seq: toNumber(row.seq),
  instanceId: String(row.instance_id),
  type: String(row.type),
  nodeId: toStringOrNull(row.node_id),
  tokenId: toStringOrNull(row.token_id),
  actor: toStringOrNull(row.actor),
  data: fromJson(row.data),
  at: String(row.at),
});

/** Rows per INSERT statement: one statement per command on the hot path, a few prepared shapes in the cache. */
const ROWS_PER_STATEMENT = 16;

const insertSql = (rows: number): string =>
  `INSERT INTO history (instance_id, type, node_id, token_id, actor, data, at) VALUES ${Array.from(
    { length: rows },
    () => "(?, ?, ?, ?, ?, ?, ?)",
  ).join(", ")} RETURNING seq`;

/** Append-only: there is no update or delete here, by design. */
export const historyRepository = (sql: SqlExecutor): HistoryRepository => ({
  async append(entries) {
    const seqs: number[] = [];
    for (let first = 0; first < entries.length; first += ROWS_PER_STATEMENT) {
      const batch = entries.slice(first, first + ROWS_PER_STATEMENT);
      const rows = await sql.all(
        insertSql(batch.length),
        batch.flatMap((entry) => [
          entry.instanceId,
          entry.type,
          entry.nodeId,
          entry.tokenId,
          entry.actor,
          toJson(entry.data),
          entry.at,
        ]),
      );
      // Both databases hand back a multi-row RETURNING in insertion order; sorting makes that explicit.
      seqs.push(...rows.map((row) => toNumber(row.seq)).sort((a, b) => a - b));
    }
    return seqs;
  },

  async listByInstance(instanceId, afterSeq = 0) {
    const rows = await sql.all("SELECT * FROM history WHERE instance_id = ? AND seq > ? ORDER BY seq", [
      instanceId,
      afterSeq,
    ]);
    return rows.map(toHistory);
  },

  async listAfter(afterSeq, limit) {
    const rows = await sql.all("SELECT * FROM history WHERE seq > ? ORDER BY seq LIMIT ?", [afterSeq, limit]);
    return rows.map(toHistory);
  },
});
