import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import knexFactory, { type Knex } from "knex";
import { PostgresDatabase } from "./connection/postgres-database.ts";
import type { Database } from "./connection/sql-executor.ts";
import { SqliteDatabase } from "./connection/sqlite-database.ts";
import { migrateToLatest } from "./migrations/migration-source.ts";
import { SqlStore } from "./store.ts";

export interface OpenStoreOptions {
  /** `postgres://…` selects PostgreSQL; anything else (or nothing) selects SQLite. */
  databaseUrl?: string;
  /** Directory of the SQLite file (default ./data). */
  dataDir?: string;
  /** SQLite file name inside dataDir (default flowdesk.sqlite). */
  filename?: string;
  /** Run pending migrations on open (default true). */
  migrate?: boolean;
  /** PostgreSQL pool size (default 10). */
  poolSize?: number;
}

export const isPostgresUrl = (url: string | undefined): url is string =>
  url !== undefined && /^postgres(ql)?:\/\//.test(url);

export const sqliteFilePath = (options: OpenStoreOptions): string =>
  resolve(options.dataDir ?? "./data", options.filename ?? "flowdesk.sqlite");

/**
 * Opens (and by default migrates) the database: a SQLite file under dataDir (WAL,
 * synchronous=FULL, busy timeout) by default, or PostgreSQL when databaseUrl says so.
 * Migrations run through knex on both; SQLite commands then go through better-sqlite3
 * prepared statements. `location` is the file or URL, for messages.
 */
export async function openDatabase(
  options: OpenStoreOptions = {},
): Promise<{ database: Database; location: string }> {
  if (isPostgresUrl(options.databaseUrl)) {
    const knex = knexFactory({
      client: "pg",
      connection: options.databaseUrl,
      pool: { min: 0, max: options.poolSize ?? 10 },
    });
    if (options.migrate !== false) await migrateToLatest(knex);
    return { database: new PostgresDatabase(knex), location: options.databaseUrl };
  }
  const filename = sqliteFilePath(options);
  mkdirSync(resolve(filename, ".."), { recursive: true });
  if (options.migrate !== false) await migrateSqlite(filename);
  return { database: new SqliteDatabase(filename), location: filename };
}

/** Opens the store the runtime needs (see openDatabase). */
export async function openStore(options: OpenStoreOptions = {}): Promise<SqlStore> {
  const { database, location } = await openDatabase(options);
  return new SqlStore(database, location);
}

async function migrateSqlite(filename: string): Promise<void> {
  const knex: Knex = knexFactory({
    client: "better-sqlite3",
    connection: { filename },
    useNullAsDefault: true,
  });
  try {
    await knex.raw("PRAGMA journal_mode = WAL");
    await migrateToLatest(knex);
  } finally {
    await knex.destroy();
  }
}
