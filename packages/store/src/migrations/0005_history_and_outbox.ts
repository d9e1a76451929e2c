import type { Knex } from "knex";

/**
 * History is append-only with one global sequence: live events carry it, and a client
 * that reconnects asks for everything after the last sequence it saw. The outbox holds
 * what must be pushed after commit, written in the same transaction as the change.
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
  await knex.schema.createTable("outbox", (table) => {
    table.bigIncrements("id").primary();
    table.bigInteger("history_seq");
    table.string("topic", 80).notNullable();
    table.string("instance_id", 64);
    table.text("payload").notNullable();
    table.string("created_at", 30).notNullable();
    table.string("published_at", 30);
    table.index(["published_at", "id"], "outbox_pending_idx");
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable("outbox");
  await knex.schema.dropTable("history");
}
