import { toStringOrNull } from "../connection/row-mapping.ts";
import type { SqlExecutor, SqlRow } from "../connection/sql-executor.ts";
import type { SessionRecord } from "./account-records.ts";

const toSession = (row: SqlRow): SessionRecord => ({
  idHash: String(row.id_hash),
  userId: toStringOrNull(row.user_id),
  csrfToken: String(row.csrf_token),
  createdAt: String(row.created_at),
  expiresAt: String(row.expires_at),
});

export const sessionRepository = (sql: SqlExecutor) => ({
  async insert(session: SessionRecord): Promise<void> {
    await sql.run(
      "INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
      [session.idHash, session.userId, session.csrfToken, session.createdAt, session.expiresAt],
    );
  },

  /** The session, when it exists and has not expired at `now`. */
  async getLive(idHash: string, now: string): Promise<SessionRecord | undefined> {
    const [row] = await sql.all("SELECT * FROM sessions WHERE id_hash = ? AND expires_at > ?", [idHash, now]);
    return row === undefined ? undefined : toSession(row);
  },

  async delete(idHash: string): Promise<void> {
    await sql.run("DELETE FROM sessions WHERE id_hash = ?", [idHash]);
  },

  /** Signs a user out everywhere (disabled account, changed roles). */
  async deleteForUser(userId: string): Promise<number> {
    return sql.run("DELETE FROM sessions WHERE user_id = ?", [userId]);
  },

  async deleteExpired(now: string): Promise<number> {
    return sql.run("DELETE FROM sessions WHERE expires_at <= ?", [now]);
  },
});

export type SessionRepository = ReturnType<typeof sessionRepository>;
