import type { Knex } from "knex";

/**
 * The form version a task opened with, so publishing a new form version leaves open
 * tasks on the form their assignee started with. Existing rows keep null: readers fall
 * back to the latest published version for them.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable("tasks", (table) => {
    table.integer("form_version");
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable("tasks", (table) => {
    table.dropColumn("form_version");
  });
}
