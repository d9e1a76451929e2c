import type { Knex } from "knex";

/**
 * Rate-limit counters (failed sign-ins per user name and address) kept in the database,
 * so every server process behind a load balancer counts the same attempts. Keys are
 * SHA-256 digests: the table holds no user names or addresses.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable("rate_limit_hits", (table) => {
    table.string("key", 64).primary();
    table.integer("hits").notNullable();
    table.string("reset_at", 30).notNullable();
    table.index(["reset_at"], "rate_limit_hits_reset_idx");
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable("rate_limit_hits");
}
