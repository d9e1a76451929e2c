export type { Knex } from "knex";
export * from "./accounts/index.ts";
export { canonicalJson, contentHash } from "./canonical-json.ts";
export { createPostgresDatabase, dropPostgresDatabase } from "./connection/postgres-admin.ts";
export type { Database, SqlExecutor, SqlRow } from "./connection/sql-executor.ts";
export { flowdeskMigrationSource, migrateToLatest, migrationNames } from "./migrations/migration-source.ts";
export { isPostgresUrl, type OpenStoreOptions, openStore, sqliteFilePath } from "./open-store.ts";
export * from "./packs/index.ts";
export { repositoriesFor, SqlStore } from "./store.ts";
