import type { Knex } from "knex";

/**
 * History is append-only with one global sequence: live events carry it, and a client
 * that reconnects asks for everything after the last sequence it saw.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable("history", (table) => {
    table.bigIncrements("seq").primary();
    table.string("instance_id", 64).notNullable();
    table.string("type", 80).notNullable();
    table.string("node_id", 200);
    table.string("token_id", 64);
    table.string("actor", 200);
    table.text("data");
    table.string("at", 30).notNullable();
    table.index(["instance_id", "seq"], "history_instance_idx");
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable("history");
}
