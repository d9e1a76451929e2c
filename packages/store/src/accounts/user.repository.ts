import { likePattern } from "../connection/like-pattern.ts";
import type { Page } from "../connection/page.ts";
import { placeholders, toNumber, toStringOrNull } from "../connection/row-mapping.ts";
import type { SqlExecutor, SqlRow } from "../connection/sql-executor.ts";
import type { UserRecord, UserWithPassword } from "./account-records.ts";

const toUser = (row: SqlRow): UserRecord => ({
  id: String(row.id),
  username: String(row.username),
  displayName: String(row.display_name),
  email: toStringOrNull(row.email),
  disabled: toNumber(row.disabled) === 1,
  createdAt: String(row.created_at),
  updatedAt: String(row.updated_at),
});

/** `%`, `_` and `\` in what a person types match themselves, not any text. */
const textCondition = (text: string | undefined): { clause: string; values: unknown[] } => {
  if (text === undefined || text === "") return { clause: "", values: [] };
  const pattern = likePattern(text);
  return {
    clause:
      " WHERE (LOWER(username) LIKE ? ESCAPE '\\' OR LOWER(display_name) LIKE ? ESCAPE '\\' OR LOWER(COALESCE(email, '')) LIKE ? ESCAPE '\\')",
    values: [pattern, pattern, pattern],
  };
};

export const userRepository = (sql: SqlExecutor) => ({
  async insert(user: UserWithPassword): Promise<void> {
    await sql.run(
      `INSERT INTO users (id, username, display_name, email, password_hash, disabled, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        user.id,
        user.username,
        user.displayName,
        user.email,
        user.passwordHash,
        user.disabled ? 1 : 0,
        user.createdAt,
        user.updatedAt,
      ],
    );
  },

  async get(id: string): Promise<UserRecord | undefined> {
    const [row] = await sql.all("SELECT * FROM users WHERE id = ?", [id]);
    return row === undefined ? undefined : toUser(row);
  },

  async findByUsername(username: string): Promise<UserWithPassword | undefined> {
    const [row] = await sql.all("SELECT * FROM users WHERE username = ?", [username]);
    return row === undefined ? undefined : { ...toUser(row), passwordHash: String(row.password_hash) };
  },

  /** Every account, disabled ones too; `text` narrows to user names, names or e-mails containing it. */
  async list(page: Page, filter: { text?: string } = {}): Promise<UserRecord[]> {
    const where = textCondition(filter.text);
    const rows = await sql.all(`SELECT * FROM users${where.clause} ORDER BY username LIMIT ? OFFSET ?`, [
      ...where.values,
      page.limit,
      page.offset,
    ]);
    return rows.map(toUser);
  },

  async count(filter: { text?: string } = {}): Promise<number> {
    const where = textCondition(filter.text);
    const [row] = await sql.all(`SELECT COUNT(*) AS n FROM users${where.clause}`, where.values);
    return toNumber(row?.n);
  },

  /** Enabled users whose name or user name contains the text, optionally holding a role or in a group. */
  async search(
    text: string,
    filter: { role?: string; group?: string },
    limit: number,
  ): Promise<UserRecord[]> {
    const pattern = likePattern(text);
    const conditions = [
      "disabled = 0",
      "(LOWER(username) LIKE ? ESCAPE '\\' OR LOWER(display_name) LIKE ? ESCAPE '\\')",
    ];
    const params: unknown[] = [pattern, pattern];
    if (filter.role !== undefined) {
      conditions.push("id IN (SELECT user_id FROM user_roles WHERE role = ?)");
      params.push(filter.role);
    }
    if (filter.group !== undefined) {
      conditions.push("id IN (SELECT user_id FROM group_members WHERE group_id = ?)");
      params.push(filter.group);
    }
    const rows = await sql.all(
      `SELECT * FROM users WHERE ${conditions.join(" AND ")} ORDER BY display_name LIMIT ?`,
      [...params, limit],
    );
    return rows.map(toUser);
  },

  async update(
    id: string,
    change: {
      displayName?: string;
      email?: string | null;
      disabled?: boolean;
      passwordHash?: string;
      at: string;
    },
  ): Promise<boolean> {
    const columns: [string, unknown][] = [];
    if (change.displayName !== undefined) columns.push(["display_name", change.displayName]);
    if (change.email !== undefined) columns.push(["email", change.email]);
    if (change.disabled !== undefined) columns.push(["disabled", change.disabled ? 1 : 0]);
    if (change.passwordHash !== undefined) columns.push(["password_hash", change.passwordHash]);
    columns.push(["updated_at", change.at]);
    const sets = columns.map(([column]) => `${column} = ?`);
    const params = [...columns.map(([, value]) => value), id];
    return (await sql.run(`UPDATE users SET ${sets.join(", ")} WHERE id = ?`, params)) === 1;
  },

  async rolesOf(userId: string): Promise<string[]> {
    const rows = await sql.all("SELECT role FROM user_roles WHERE user_id = ? ORDER BY role", [userId]);
    return rows.map((row) => String(row.role));
  },

  async setRoles(userId: string, roles: readonly string[]): Promise<void> {
    await sql.run("DELETE FROM user_roles WHERE user_id = ?", [userId]);
    for (const role of new Set(roles)) {
      await sql.run("INSERT INTO user_roles (user_id, role) VALUES (?, ?)", [userId, role]);
    }
  },

  async groupsOf(userId: string): Promise<string[]> {
    const rows = await sql.all("SELECT group_id FROM group_members WHERE user_id = ? ORDER BY group_id", [
      userId,
    ]);
    return rows.map((row) => String(row.group_id));
  },

  async setGroups(userId: string, groupIds: readonly string[]): Promise<void> {
    await sql.run("DELETE FROM group_members WHERE user_id = ?", [userId]);
    for (const groupId of new Set(groupIds)) {
      await sql.run("INSERT INTO group_members (group_id, user_id) VALUES (?, ?)", [groupId, userId]);
    }
  },

  /** Members of the given groups, for assignment and notification fan-out. */
  async membersOf(groupIds: readonly string[]): Promise<string[]> {
    if (groupIds.length === 0) return [];
    const rows = await sql.all(
      `SELECT DISTINCT user_id FROM group_members WHERE group_id IN (${placeholders(groupIds.length)}) ORDER BY user_id`,
      groupIds,
    );
    return rows.map((row) => String(row.user_id));
  },
});

export type UserRepository = ReturnType<typeof userRepository>;
