import type { Knex } from "knex";

/**
 * Server-side sessions, keyed by the SHA-256 of the cookie value so a leaked database
 * does not hand out live sessions. A session without a user is a signed-out visitor
 * that already holds a CSRF token (the login form needs one).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable("sessions", (table) => {
    table.string("id_hash", 64).primary();
    table.string("user_id", 64).references("id").inTable("users").onDelete("CASCADE");
    table.string("csrf_token", 200).notNullable();
    table.string("created_at", 30).notNullable();
    table.string("expires_at", 30).notNullable();
    table.index(["expires_at"], "sessions_expires_idx");
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable("sessions");
}
