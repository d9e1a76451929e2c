import { likePattern } from "../connection/like-pattern.ts";
import { placeholders, toNumber, toStringOrNull } from "../connection/row-mapping.ts";
import type { SqlExecutor, SqlRow } from "../connection/sql-executor.ts";
import type { GroupRecord } from "./account-records.ts";

const toGroup = (row: SqlRow): GroupRecord => ({
  id: String(row.id),
  title: String(row.title),
  description: toStringOrNull(row.description),
});

export const groupRepository = (sql: SqlExecutor) => ({
  async get(id: string): Promise<GroupRecord | undefined> {
    const [row] = await sql.all("SELECT * FROM user_groups WHERE id = ?", [id]);
    return row === undefined ? undefined : toGroup(row);
  },

  async list(): Promise<GroupRecord[]> {
    return (await sql.all("SELECT * FROM user_groups ORDER BY title")).map(toGroup);
  },

  async search(text: string, limit: number): Promise<GroupRecord[]> {
    const pattern = likePattern(text);
    const rows = await sql.all(
      `SELECT * FROM user_groups WHERE LOWER(id) LIKE ? ESCAPE '\\' OR LOWER(title) LIKE ? ESCAPE '\\'
       ORDER BY title LIMIT ?`,
      [pattern, pattern, limit],
    );
    return rows.map(toGroup);
  },

  /** How many of the ids exist: the caller refuses unknown ones before writing. */
  async countExisting(ids: readonly string[]): Promise<number> {
    if (ids.length === 0) return 0;
    const unique = [...new Set(ids)];
    const [row] = await sql.all(
      `SELECT COUNT(*) AS n FROM user_groups WHERE id IN (${placeholders(unique.length)})`,
      unique,
    );
    return toNumber(row?.n);
  },

  async insert(group: GroupRecord, at: string): Promise<void> {
    await sql.run("INSERT INTO user_groups (id, title, description, created_at) VALUES (?, ?, ?, ?)", [
      group.id,
      group.title,
      group.description,
      at,
    ]);
  },

  /** Creates the group or refreshes its title; returns true when something changed. */
  async upsert(group: GroupRecord, at: string): Promise<boolean> {
    const existing = await this.get(group.id);
    if (existing === undefined) {
      await this.insert(group, at);
      return true;
    }
    if (existing.title === group.title && existing.description === group.description) return false;
    await sql.run("UPDATE user_groups SET title = ?, description = ? WHERE id = ?", [
      group.title,
      group.description,
      group.id,
    ]);
    return true;
  },

  async update(id: string, change: { title?: string; description?: string | null }): Promise<boolean> {
    const current = await this.get(id);
    if (current === undefined) return false;
    await sql.run("UPDATE user_groups SET title = ?, description = ? WHERE id = ?", [
      change.title ?? current.title,
      change.description === undefined ? current.description : change.description,
      id,
    ]);
    return true;
  },

  async memberIds(groupId: string): Promise<string[]> {
    const rows = await sql.all("SELECT user_id FROM group_members WHERE group_id = ? ORDER BY user_id", [
      groupId,
    ]);
    return rows.map((row) => String(row.user_id));
  },
});

export type GroupRepository = ReturnType<typeof groupRepository>;
