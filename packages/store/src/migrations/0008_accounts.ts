import type { Knex } from "knex";

/**
 * Local accounts: users with a scrypt hash (parameters stored inside the hash so they
 * can be raised later), groups, memberships and role grants. Roles are plain strings
 * (admin, process-owner, agent, requester, or one a directory adds), so no roles table.
 * Booleans are integers 0/1 so SQLite and PostgreSQL read them alike.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable("users", (table) => {
    table.string("id", 64).primary();
    table.string("username", 100).notNullable().unique();
    table.string("display_name", 200).notNullable();
    table.string("email", 320);
    table.text("password_hash").notNullable();
    table.integer("disabled").notNullable().defaultTo(0);
    table.string("created_at", 30).notNullable();
    table.string("updated_at", 30).notNullable();
  });
  await knex.schema.createTable("user_groups", (table) => {
    table.string("id", 200).primary();
    table.string("title", 200).notNullable();
    table.text("description");
    table.string("created_at", 30).notNullable();
  });
  await knex.schema.createTable("group_members", (table) => {
    table.string("group_id", 200).notNullable().references("id").inTable("user_groups").onDelete("CASCADE");
    table.string("user_id", 64).notNullable().references("id").inTable("users").onDelete("CASCADE");
    table.primary(["group_id", "user_id"]);
    table.index(["user_id"], "group_members_user_idx");
  });
  await knex.schema.createTable("user_roles", (table) => {
    table.string("user_id", 64).notNullable().references("id").inTable("users").onDelete("CASCADE");
    table.string("role", 100).notNullable();
    table.primary(["user_id", "role"]);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable("user_roles");
  await knex.schema.dropTable("group_members");
  await knex.schema.dropTable("user_groups");
  await knex.schema.dropTable("users");
}
