import type { Knex } from "knex";

/**
 * Names earlier releases recorded in knex_migrations, and what each is called now. The
 * files used to be numbered 0001-0007 and 0100-0105 and ran in an order that was not
 * their numbers'; they were renumbered in run order, and two that created two tables
 * each were split. The schema each old name created is exactly what its new names
 * create, so renaming the rows is all an existing database needs.
 */
export const LEGACY_MIGRATION_NAMES: Readonly<Record<string, readonly [string, ...string[]]>> = {
  "0005_history_and_outbox": ["0005_history", "0006_outbox"],
  "0006_incidents": ["0007_incidents"],
  "0100_accounts": ["0008_accounts"],
  "0101_sessions_and_audit": ["0009_sessions", "0010_audit_log"],
  "0102_configuration_items": ["0011_configuration_items"],
  "0103_rate_limits": ["0012_rate_limits"],
  "0104_business_services": ["0013_business_services"],
  "0105_requests": ["0014_requests"],
  "0007_task_form_version": ["0015_task_form_version"],
};

const MIGRATIONS_TABLE = "knex_migrations";

/**
 * Rewrites old names in knex_migrations to the current ones, in one transaction, before
 * knex compares its records with the migration source (it refuses to run when a recorded
 * name is missing from the source). Safe when several processes start at once: each old
 * row is claimed by the UPDATE that renames it, and only that claimant adds the split
 * names, so nothing is recorded twice.
 */
export async function renameLegacyMigrations(knex: Knex): Promise<void> {
  if (!(await knex.schema.hasTable(MIGRATIONS_TABLE))) return;
  await knex.transaction(async (trx) => {
    for (const [oldName, [firstName, ...splitNames]] of Object.entries(LEGACY_MIGRATION_NAMES)) {
      const recorded = await trx(MIGRATIONS_TABLE).where({ name: oldName }).first("batch", "migration_time");
      if (recorded === undefined) continue;
      const renamed = await trx(MIGRATIONS_TABLE).where({ name: oldName }).update({ name: firstName });
      if (renamed === 0 || splitNames.length === 0) continue;
      await trx(MIGRATIONS_TABLE).insert(
        splitNames.map((name) => ({ name, batch: recorded.batch, migration_time: recorded.migration_time })),
      );
    }
  });
}
