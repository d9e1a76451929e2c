import type { Knex } from "knex";

/** A final failure on an instance (e.g. a service call out of retries), visible to admins and retryable. */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable("incidents", (table) => {
    table.string("id", 64).primary();
    table.string("instance_id", 64).notNullable();
    table.string("node_id", 200);
    table.string("token_id", 64);
    table.string("job_id", 64);
    table.text("error").notNullable();
    table.string("status", 20).notNullable();
    table.integer("retry_count").notNullable().defaultTo(0);
    table.string("created_at", 30).notNullable();
    table.string("resolved_at", 30);
    table.index(["instance_id"], "incidents_instance_idx");
    table.index(["status"], "incidents_status_idx");
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable("incidents");
}
