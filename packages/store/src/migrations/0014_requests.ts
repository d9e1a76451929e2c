import type { Knex } from "knex";

/**
 * A request is an instance a person started from a catalog item. The row keeps who
 * asked and the exact catalog item and form versions (with the form's content hash)
 * the submitted data was validated against; the workflow version and hash live on
 * the instance. Status is the instance's, read through a join, so it never drifts.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable("requests", (table) => {
    table.string("instance_id", 64).primary();
    table.string("requester_id", 64).notNullable();
    table.string("requester", 200).notNullable();
    table.string("catalog_item_id", 200).notNullable();
    table.integer("catalog_item_version").notNullable();
    table.string("form_id", 200).notNullable();
    table.integer("form_version").notNullable();
    table.string("form_hash", 64).notNullable();
    table.string("title", 500).notNullable();
    table.string("created_at", 30).notNullable();
    table.index(["requester_id", "created_at"], "requests_requester_idx");
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable("requests");
}
