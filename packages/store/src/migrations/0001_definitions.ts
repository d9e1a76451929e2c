import type { Knex } from "knex";

/**
 * Definitions: one editable draft per definition id, and immutable published versions.
 * A published version is never updated; instances point at (definition_id, version)
 * and keep running on it after a newer version is published.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable("definition_drafts", (table) => {
    table.string("definition_id", 200).primary();
    table.string("kind", 40).notNullable();
    table.text("content").notNullable();
    table.string("updated_by", 200);
    table.string("updated_at", 30).notNullable();
  });
  await knex.schema.createTable("definition_versions", (table) => {
    table.string("definition_id", 200).notNullable();
    table.integer("version").notNullable();
    table.string("kind", 40).notNullable();
    table.text("content").notNullable();
    table.string("content_hash", 64).notNullable();
    table.string("published_by", 200);
    table.string("published_at", 30).notNullable();
    table.primary(["definition_id", "version"]);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable("definition_versions");
  await knex.schema.dropTable("definition_drafts");
}
