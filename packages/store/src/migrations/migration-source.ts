import type { Knex } from "knex";
import * as definitions from "./0001_definitions.ts";
import * as instances from "./0002_instances.ts";
import * as tasks from "./0003_tasks.ts";
import * as jobs from "./0004_jobs.ts";
import * as history from "./0005_history.ts";
import * as outbox from "./0006_outbox.ts";
import * as incidents from "./0007_incidents.ts";
import * as accounts from "./0008_accounts.ts";
import * as sessions from "./0009_sessions.ts";
import * as auditLog from "./0010_audit_log.ts";
import * as configurationItems from "./0011_configuration_items.ts";
import * as rateLimits from "./0012_rate_limits.ts";
import * as businessServices from "./0013_business_services.ts";
import * as requests from "./0014_requests.ts";
import * as taskFormVersion from "./0015_task_form_version.ts";
import * as taskHoldersInState from "./0016_task_holders_in_state.ts";
import { renameLegacyMigrations } from "./legacy-migration-names.ts";

interface NamedMigration {
  name: string;
  migration: Knex.Migration;
}

/**
 * The migrations as imported modules rather than files knex discovers on disk, so they
 * run from TypeScript source without a build step. A file's number is its place in this
 * list: knex records the names in knex_migrations and applies them in this order, each
 * in a transaction. A new migration takes the next number at the end.
 */
const migrations: NamedMigration[] = [
  { name: "0001_definitions", migration: definitions },
  { name: "0002_instances", migration: instances },
  { name: "0003_tasks", migration: tasks },
  { name: "0004_jobs", migration: jobs },
  { name: "0005_history", migration: history },
  { name: "0006_outbox", migration: outbox },
  { name: "0007_incidents", migration: incidents },
  { name: "0008_accounts", migration: accounts },
  { name: "0009_sessions", migration: sessions },
  { name: "0010_audit_log", migration: auditLog },
  { name: "0011_configuration_items", migration: configurationItems },
  { name: "0012_rate_limits", migration: rateLimits },
  { name: "0013_business_services", migration: businessServices },
  { name: "0014_requests", migration: requests },
  { name: "0015_task_form_version", migration: taskFormVersion },
  { name: "0016_task_holders_in_state", migration: taskHoldersInState },
];

export const flowdeskMigrationSource: Knex.MigrationSource<NamedMigration> = {
  getMigrations: async () => migrations,
  getMigrationName: (entry) => entry.name,
  getMigration: async (entry) => entry.migration,
};

export const migrationNames = (): string[] => migrations.map((entry) => entry.name);

/** Brings a database to the latest schema, first renaming what older releases recorded. */
export async function migrateToLatest(knex: Knex): Promise<void> {
  await renameLegacyMigrations(knex);
  await knex.migrate.latest({ migrationSource: flowdeskMigrationSource });
}
