import { toNumber } from "../connection/row-mapping.ts";
import type { SqlExecutor } from "../connection/sql-executor.ts";

/**
 * Fixed-window counters. `increment` is one statement, so two processes counting the
 * same key at once both land (no lost update) on SQLite and PostgreSQL alike.
 */
export const rateLimitRepository = (sql: SqlExecutor) => ({
  async increment(key: string, now: string, resetAt: string): Promise<{ hits: number; resetAt: string }> {
    const [row] = await sql.all(
      `INSERT INTO rate_limit_hits (key, hits, reset_at) VALUES (?, 1, ?)
       ON CONFLICT (key) DO UPDATE SET
         hits = CASE WHEN rate_limit_hits.reset_at <= ? THEN 1 ELSE rate_limit_hits.hits + 1 END,
         reset_at = CASE WHEN rate_limit_hits.reset_at <= ? THEN excluded.reset_at ELSE rate_limit_hits.reset_at END
       RETURNING hits, reset_at`,
      [key, resetAt, now, now],
    );
    return { hits: toNumber(row?.hits), resetAt: String(row?.reset_at) };
  },

  async get(key: string, now: string): Promise<{ hits: number; resetAt: string } | undefined> {
    const [row] = await sql.all("SELECT hits, reset_at FROM rate_limit_hits WHERE key = ? AND reset_at > ?", [
      key,
      now,
    ]);
    return row === undefined ? undefined : { hits: toNumber(row.hits), resetAt: String(row.reset_at) };
  },

  async decrement(key: string): Promise<void> {
    await sql.run("UPDATE rate_limit_hits SET hits = hits - 1 WHERE key = ? AND hits > 0", [key]);
  },

  async reset(key: string): Promise<void> {
    await sql.run("DELETE FROM rate_limit_hits WHERE key = ?", [key]);
  },

  async deleteExpired(now: string): Promise<number> {
    return sql.run("DELETE FROM rate_limit_hits WHERE reset_at <= ?", [now]);
  },
});

export type RateLimitRepository = ReturnType<typeof rateLimitRepository>;
