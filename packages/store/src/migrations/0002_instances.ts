import type { Knex } from "knex";

/**
 * Instances carry the exact definition version and content hash they run on, the
 * engine state as JSON, and a version column for optimistic concurrency: every command
 * updates `WHERE version = expected`, so a stale writer changes nothing and is told so.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable("instances", (table) => {
    table.string("id", 64).primary();
    table.string("definition_id", 200).notNullable();
    table.integer("definition_version").notNullable();
    table.string("definition_hash", 64).notNullable();
    table.string("status", 20).notNullable();
    table.text("state").notNullable();
    table.integer("version").notNullable();
    table.string("business_key", 200);
    table.string("parent_instance_id", 64);
    table.string("created_at", 30).notNullable();
    table.string("updated_at", 30).notNullable();
    table.index(["status"], "instances_status_idx");
    table.index(["business_key"], "instances_business_key_idx");
    table.index(["definition_id", "definition_version"], "instances_definition_idx");
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable("instances");
}
