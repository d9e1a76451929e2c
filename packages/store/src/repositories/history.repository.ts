import type { HistoryRecord, HistoryRepository } from "@flowdesk/engine";
import type { SqlExecutor, SqlRow } from "../connection/sql-executor.ts";
import { fromJson, toJson, toNumber, toStringOrNull } from "./row-mapping.ts";

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

const INSERT = `INSERT INTO history (instance_id, type, node_id, token_id, actor, data, at)
  VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING seq`;

/** Append-only: there is no update or delete here, by design. */
export const historyRepository = (sql: SqlExecutor): HistoryRepository => ({
  async append(entries) {
    const seqs: number[] = [];
    for (const entry of entries) {
      const [row] = await sql.all(INSERT, [
        entry.instanceId,
        entry.type,
        entry.nodeId,
        entry.tokenId,
        entry.actor,
        toJson(entry.data),
        entry.at,
      ]);
      seqs.push(toNumber(row?.seq));
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
