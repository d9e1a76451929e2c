import type { Knex } from "knex";

/*
 * Before task routing went through the engine, releasing and reassigning a task changed
 * only its row: the instance state could still name an earlier claimer or assignee, and
 * the engine, which now decides claims from the state, would refuse the new holder. For
 * every open person task, this makes the state say what the row says (the row is what
 * people were shown). Approvals were never moved that way and are left alone.
 */

interface OpenTaskRow {
  id: string;
  instance_id: string;
  state: string;
  assignee_user: string | null;
  assignee_group: string | null;
}

interface StateTask {
  assignment?: { kind: string; user?: string; group?: string; role?: string };
  claimedBy?: string;
}

const assignmentOf = (row: OpenTaskRow): StateTask["assignment"] | undefined => {
  if (row.state === "claimed") return undefined; // a claim keeps the assignment it was claimed from
  if (row.assignee_user !== null) return { kind: "user", user: row.assignee_user };
  if (row.assignee_group?.startsWith("role:")) return { kind: "role", role: row.assignee_group.slice(5) };
  if (row.assignee_group !== null) return { kind: "group", group: row.assignee_group };
  return undefined;
};

/** Makes one state task agree with its row; true when something changed. */
const reconcile = (task: StateTask, row: OpenTaskRow): boolean => {
  const before = JSON.stringify(task);
  if (row.state === "claimed" && row.assignee_user !== null) task.claimedBy = row.assignee_user;
  if (row.state === "open") delete task.claimedBy;
  const assignment = assignmentOf(row);
  if (assignment !== undefined) task.assignment = assignment;
  return JSON.stringify(task) !== before;
};

export async function up(knex: Knex): Promise<void> {
  const rows: OpenTaskRow[] = await knex("tasks")
    .select("id", "instance_id", "state", "assignee_user", "assignee_group")
    .whereIn("state", ["open", "claimed"])
    .andWhere("kind", "task")
    .orderBy("instance_id");
  const byInstance = new Map<string, OpenTaskRow[]>();
  for (const row of rows) byInstance.set(row.instance_id, [...(byInstance.get(row.instance_id) ?? []), row]);
  for (const [instanceId, tasks] of byInstance) {
    const instance = await knex("instances").select("state").where({ id: instanceId }).first();
    if (instance === undefined) continue;
    const state = JSON.parse(String(instance.state)) as { tasks?: Record<string, StateTask> };
    let changed = false;
    for (const row of tasks) {
      const task = state.tasks?.[row.id];
      if (task !== undefined && reconcile(task, row)) changed = true;
    }
    // The version is left as it is: nobody's view of the request changes, only stale bookkeeping.
    if (changed)
      await knex("instances")
        .where({ id: instanceId })
        .update({ state: JSON.stringify(state) });
  }
}

export async function down(): Promise<void> {
  // Nothing to undo: the state now says what the rows said all along.
}
