export type { Knex } from "knex";
export type * from "./accounts/account-records.ts";
export type * from "./audit/audit-records.ts";
export { canonicalJson, contentHash } from "./canonical-json.ts";
export type { ConfigurationItemRecord } from "./configuration-items/configuration-item-record.ts";
export type { Page } from "./connection/page.ts";
export { createPostgresDatabase, dropPostgresDatabase } from "./connection/postgres-admin.ts";
export type { Database, SqlExecutor, SqlRow } from "./connection/sql-executor.ts";
export type { DefinitionSummary } from "./definitions/definition-summary.ts";
export type { InstanceSummary } from "./instances/instance-list.repository.ts";
export { flowdeskMigrationSource, migrateToLatest, migrationNames } from "./migrations/migration-source.ts";
export { isPostgresUrl, type OpenStoreOptions, openStore, sqliteFilePath } from "./open-store.ts";
export * from "./packs/index.ts";
export type { RequestRecord, RequestSummary } from "./requests/request.repository.ts";
export {
  openServerStore,
  ServerStore,
  type ServerTransaction,
  serverRepositoriesFor,
} from "./server-store.ts";
export { repositoriesFor, SqlStore } from "./store.ts";
