import type { Knex } from "knex";

/** The audit log is append-only: who, what, when, from where. */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable("audit_log", (table) => {
    table.increments("seq").primary();
    table.string("at", 30).notNullable();
    table.string("actor", 100);
    table.string("action", 100).notNullable();
    table.string("target_type", 60).notNullable();
    table.string("target_id", 200);
    table.string("ip", 64);
    table.text("details");
    table.index(["at"], "audit_log_at_idx");
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable("audit_log");
}
