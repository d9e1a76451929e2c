import type { OutboxRecord, OutboxRepository } from "@flowdesk/engine";
import {
  fromJson,
  placeholders,
  toJson,
  toNumber,
  toNumberOrNull,
  toStringOrNull,
} from "../connection/row-mapping.ts";
import type { SqlExecutor, SqlRow } from "../connection/sql-executor.ts";

const toOutbox = (row: SqlRow): OutboxRecord => ({
  id: toNumber(row.id),
  historySeq: toNumberOrNull(row.history_seq),
  topic: String(row.topic),
  instanceId: toStringOrNull(row.instance_id),
  payload: fromJson(row.payload),
  createdAt: String(row.created_at),
  publishedAt: toStringOrNull(row.published_at),
});

const INSERT = `INSERT INTO outbox (history_seq, topic, instance_id, payload, created_at)
  VALUES (?, ?, ?, ?, ?) RETURNING *`;

export const outboxRepository = (sql: SqlExecutor): OutboxRepository => ({
  async insert(rows) {
    const inserted: OutboxRecord[] = [];
    for (const row of rows) {
      const [stored] = await sql.all(INSERT, [
        row.historySeq,
        row.topic,
        row.instanceId,
        toJson(row.payload),
        row.createdAt,
      ]);
      if (stored !== undefined) inserted.push(toOutbox(stored));
    }
    return inserted;
  },

  async listPending(limit) {
    const rows = await sql.all("SELECT * FROM outbox WHERE published_at IS NULL ORDER BY id LIMIT ?", [
      limit,
    ]);
    return rows.map(toOutbox);
  },

  async markPublished(ids, at) {
    if (ids.length === 0) return;
    await sql.run(`UPDATE outbox SET published_at = ? WHERE id IN (${placeholders(ids.length)})`, [
      at,
      ...ids,
    ]);
  },
});
