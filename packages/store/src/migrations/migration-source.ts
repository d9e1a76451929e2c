import type { Knex } from "knex";
import * as definitions from "./0001_definitions.ts";
import * as instances from "./0002_instances.ts";
import * as tasks from "./0003_tasks.ts";
import * as jobs from "./0004_jobs.ts";
import * as historyAndOutbox from "./0005_history_and_outbox.ts";
import * as incidents from "./0006_incidents.ts";
import * as taskFormVersion from "./0007_task_form_version.ts";
import * as accounts from "./0100_accounts.ts";
import * as sessionsAndAudit from "./0101_sessions_and_audit.ts";
import * as configurationItems from "./0102_configuration_items.ts";
import * as rateLimits from "./0103_rate_limits.ts";
import * as businessServices from "./0104_business_services.ts";
import * as requests from "./0105_requests.ts";

interface NamedMigration {
  name: string;
  migration: Knex.Migration;
}

/**
 * The migrations as imported modules rather than files knex discovers on disk, so they
 * run from TypeScript source without a build step. Names keep their numbers: knex
 * records them in knex_migrations and applies them in this order, each in a transaction.
 */
const migrations: NamedMigration[] = [
  { name: "0001_definitions", migration: definitions },
  { name: "0002_instances", migration: instances },
  { name: "0003_tasks", migration: tasks },
  { name: "0004_jobs", migration: jobs },
  { name: "0005_history_and_outbox", migration: historyAndOutbox },
  { name: "0006_incidents", migration: incidents },
  { name: "0100_accounts", migration: accounts },
  { name: "0101_sessions_and_audit", migration: sessionsAndAudit },
  { name: "0102_configuration_items", migration: configurationItems },
  { name: "0103_rate_limits", migration: rateLimits },
  { name: "0104_business_services", migration: businessServices },
  { name: "0105_requests", migration: requests },
  { name: "0007_task_form_version", migration: taskFormVersion },
];

export const flowdeskMigrationSource: Knex.MigrationSource<NamedMigration> = {
  getMigrations: async () => migrations,
  getMigrationName: (entry) => entry.name,
  getMigration: async (entry) => entry.migration,
};

export const migrationNames = (): string[] => migrations.map((entry) => entry.name);

export async function migrateToLatest(knex: Knex): Promise<void> {
  await knex.migrate.latest({ migrationSource: flowdeskMigrationSource });
}
