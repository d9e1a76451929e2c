import type { Knex } from "knex";

/**
 * Deferred and external work: timers, SLA checkpoints, HTTP calls. Retries are columns
 * (attempts, max_attempts, last_error); a worker holds a job through a lease that
 * expires, so a crashed worker's job becomes claimable again.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable("jobs", (table) => {
    table.string("id", 64).primary();
    table.string("kind", 40).notNullable();
    table.string("instance_id", 64);
    table.string("node_id", 200);
    table.string("token_id", 64);
    table.string("status", 20).notNullable();
    table.string("due_at", 30).notNullable();
    table.text("payload").notNullable();
    table.integer("attempts").notNullable().defaultTo(0);
    table.integer("max_attempts").notNullable().defaultTo(1);
    table.text("last_error");
    table.string("lease_owner", 200);
    table.string("lease_expires_at", 30);
    table.string("idempotency_key", 300);
    table.string("created_at", 30).notNullable();
    table.string("updated_at", 30).notNullable();
    table.unique(["idempotency_key"], { indexName: "jobs_idempotency_key_unique" });
    table.index(["status", "due_at"], "jobs_due_idx");
    table.index(["status", "lease_expires_at"], "jobs_lease_idx");
    table.index(["instance_id"], "jobs_instance_idx");
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable("jobs");
}
