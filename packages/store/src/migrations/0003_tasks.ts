import type { Knex } from "knex";

/**
 * Human work items (user tasks and approvals). `version` lets two agents race on one
 * task with exactly one winner. The partial unique index makes a duplicate open task for
 * the same token at the same node impossible, whatever the code above it does.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable("tasks", (table) => {
    table.string("id", 64).primary();
    table.string("instance_id", 64).notNullable();
    table.string("node_id", 200).notNullable();
    table.string("token_id", 64).notNullable();
    table.string("kind", 20).notNullable();
    // Distinguishes parallel work items of one token, e.g. each approver of an "all" approval.
    table.string("slot", 200).notNullable().defaultTo("");
    table.string("title", 500);
    table.string("assignee_user", 200);
    table.string("assignee_group", 200);
    table.string("state", 20).notNullable();
    table.string("form", 200);
    table.text("data");
    table.string("outcome", 200);
    table.string("completed_by", 200);
    table.string("due_at", 30);
    table.integer("version").notNullable();
    table.string("created_at", 30).notNullable();
    table.string("updated_at", 30).notNullable();
    table.index(["instance_id"], "tasks_instance_idx");
    table.index(["state", "assignee_user"], "tasks_user_inbox_idx");
    table.index(["state", "assignee_group"], "tasks_group_inbox_idx");
  });
  await knex.raw(
    "CREATE UNIQUE INDEX tasks_one_open_per_token ON tasks (instance_id, token_id, node_id, slot) WHERE state IN ('open', 'claimed')",
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable("tasks");
}
