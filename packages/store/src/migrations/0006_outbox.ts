import type { Knex } from "knex";

/**
 * The outbox holds what must be pushed after commit, written in the same transaction as
 * the change, with the history sequence it belongs to.
 */
export async function up(knex: Knex): Promise<void> {
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
}
