import type { TaskKind, TaskRecord, TaskRepository, TaskState } from "@flowdesk/engine";
import { fromJson, placeholders, toJson, toNumber, toStringOrNull } from "../connection/row-mapping.ts";
import type { SqlExecutor, SqlRow } from "../connection/sql-executor.ts";

const toTask = (row: SqlRow): TaskRecord => ({
  id: String(row.id),
  instanceId: String(row.instance_id),
  nodeId: String(row.node_id),
  tokenId: String(row.token_id),
  kind: String(row.kind) as TaskKind,
  slot: String(row.slot ?? ""),
  title: toStringOrNull(row.title),
  assigneeUser: toStringOrNull(row.assignee_user),
  assigneeGroup: toStringOrNull(row.assignee_group),
  state: String(row.state) as TaskState,
  form: toStringOrNull(row.form),
  formVersion:
    row.form_version === null || row.form_version === undefined ? null : toNumber(row.form_version),
  data: fromJson(row.data),
  outcome: toStringOrNull(row.outcome),
  completedBy: toStringOrNull(row.completed_by),
  dueAt: toStringOrNull(row.due_at),
  version: toNumber(row.version),
  createdAt: String(row.created_at),
  updatedAt: String(row.updated_at),
});

const INSERT = `INSERT INTO tasks (id, instance_id, node_id, token_id, kind, slot, title, assignee_user, assignee_group,
  state, form, form_version, data, outcome, completed_by, due_at, version, created_at, updated_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

export const taskRepository = (sql: SqlExecutor): TaskRepository => ({
  async get(id) {
    const [row] = await sql.all("SELECT * FROM tasks WHERE id = ?", [id]);
    return row === undefined ? undefined : toTask(row);
  },

  async listByInstance(instanceId) {
    const rows = await sql.all("SELECT * FROM tasks WHERE instance_id = ? ORDER BY created_at, id", [
      instanceId,
    ]);
    return rows.map(toTask);
  },

  async listOpen(filter) {
    const conditions = ["state IN ('open', 'claimed')"];
    const params: unknown[] = [];
    const audience: string[] = [];
    if (filter.assigneeUser !== undefined) {
      audience.push("assignee_user = ?");
      params.push(filter.assigneeUser);
    }
    if (filter.assigneeGroups !== undefined && filter.assigneeGroups.length > 0) {
      audience.push(`assignee_group IN (${placeholders(filter.assigneeGroups.length)})`);
      params.push(...filter.assigneeGroups);
    }
    if (audience.length > 0) conditions.push(`(${audience.join(" OR ")})`);
    params.push(filter.limit ?? 100);
    const rows = await sql.all(
      `SELECT * FROM tasks WHERE ${conditions.join(" AND ")} ORDER BY due_at, created_at LIMIT ?`,
      params,
    );
    return rows.map(toTask);
  },

  async insert(tasks) {
    for (const task of tasks) {
      await sql.run(INSERT, [
        task.id,
        task.instanceId,
        task.nodeId,
        task.tokenId,
        task.kind,
        task.slot,
        task.title,
        task.assigneeUser,
        task.assigneeGroup,
        task.state,
        task.form,
        task.formVersion ?? null,
        toJson(task.data),
        task.outcome,
        task.completedBy,
        task.dueAt,
        task.version,
        task.createdAt,
        task.updatedAt,
      ]);
    }
  },

  async claim(id, user, at) {
    const changed = await sql.run(
      `UPDATE tasks SET state = 'claimed', assignee_user = ?, version = version + 1, updated_at = ?
       WHERE id = ? AND state IN ('open', 'claimed')`,
      [user, at, id],
    );
    return changed === 1;
  },

  async complete(id, expectedVersion, change) {
    const changed = await sql.run(
      `UPDATE tasks SET state = 'completed', outcome = ?, data = ?, completed_by = ?, version = version + 1,
         updated_at = ? WHERE id = ? AND version = ? AND state IN ('open', 'claimed')`,
      [change.outcome, toJson(change.data), change.completedBy, change.at, id, expectedVersion],
    );
    return changed === 1;
  },

  async cancel(ids, at) {
    if (ids.length === 0) return 0;
    return sql.run(
      `UPDATE tasks SET state = 'cancelled', version = version + 1, updated_at = ?
       WHERE id IN (${placeholders(ids.length)}) AND state IN ('open', 'claimed')`,
      [at, ...ids],
    );
  },

  async close(id, change) {
    const changed = await sql.run(
      `UPDATE tasks SET state = 'completed', outcome = ?, data = ?, completed_by = ?, version = version + 1,
         updated_at = ? WHERE id = ? AND state IN ('open', 'claimed')`,
      [change.outcome, toJson(change.data), change.completedBy, change.at, id],
    );
    return changed === 1;
  },

  async reassign(id, change) {
    await sql.run(
      `UPDATE tasks SET state = 'open', assignee_user = ?, assignee_group = ?, version = version + 1, updated_at = ?
       WHERE id = ? AND state IN ('open', 'claimed')`,
      [change.assigneeUser, change.assigneeGroup, change.at, id],
    );
  },
});
