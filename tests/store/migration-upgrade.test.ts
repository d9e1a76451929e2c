import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  createPostgresDatabase,
  dropPostgresDatabase,
  migrationNames,
  openServerStore,
  type ServerStore,
  type SqlExecutor,
} from "@flowdesk/store";
import { afterEach, describe, expect, it } from "vitest";
import legacyNames from "./fixtures/legacy-migration-names.json" with { type: "json" };

/** A database that can be closed and opened again, as a server restart does. */
interface ReopenableDatabase {
  open(): Promise<ServerStore>;
  dispose(): Promise<void>;
}

const sqliteDatabase = (): ReopenableDatabase => {
  const dataDir = mkdtempSync(join(tmpdir(), "flowdesk-upgrade-"));
  return {
    open: () => openServerStore({ dataDir }),
    dispose: async () => rmSync(dataDir, { recursive: true, force: true }),
  };
};

const postgresDatabase = async (adminUrl: string): Promise<ReopenableDatabase> => {
  const name = `flowdesk_test_${randomBytes(6).toString("hex")}`;
  const url = await createPostgresDatabase(adminUrl, name);
  return {
    open: () => openServerStore({ databaseUrl: url, poolSize: 2 }),
    dispose: () => dropPostgresDatabase(adminUrl, name),
  };
};

const backends = (): { name: string; create: () => Promise<ReopenableDatabase> }[] => {
  const pgUrl = process.env.TEST_PG_URL;
  const sqlite = { name: "sqlite", create: async () => sqliteDatabase() };
  return pgUrl ? [sqlite, { name: "postgres", create: () => postgresDatabase(pgUrl) }] : [sqlite];
};

/** Replaces what knex_migrations records with the names an earlier release wrote. */
async function recordOldNames(sql: SqlExecutor, names: readonly string[]): Promise<void> {
  await sql.run("DELETE FROM knex_migrations");
  for (const name of names) {
    await sql.run("INSERT INTO knex_migrations (name, batch, migration_time) VALUES (?, 1, ?)", [
      name,
      "2026-11-02T08:00:00.000Z",
    ]);
  }
}

const recordedNames = async (store: ServerStore): Promise<string[]> =>
  (await store.transaction((tx) => tx.sql.all<{ name: string }>("SELECT name FROM knex_migrations")))
    .map((row) => row.name)
    .sort();

const countRows = async (store: ServerStore, table: string): Promise<number> => {
  const [row] = await store.transaction((tx) =>
    tx.sql.all<{ count: number | string }>(`SELECT COUNT(*) AS count FROM ${table}`),
  );
  return Number(row?.count);
};

describe.each(backends())("migrations upgrading a database on $name", (backend) => {
  let database: ReopenableDatabase | undefined;

  afterEach(async () => {
    await database?.dispose();
    database = undefined;
  });

  it("renames what an earlier release recorded and runs nothing again", async () => {
    // given a database every migration of the earlier release ran on, under the old names
    database = await backend.create();
    const old = await database.open();
    await old.transaction((tx) => recordOldNames(tx.sql, legacyNames));
    const itemsBefore = await countRows(old, "configuration_items");
    await old.close();
    // when the current release opens it
    const upgraded = await database.open();
    // then every migration is recorded once under its current name and none ran twice
    expect(await recordedNames(upgraded)).toEqual([...migrationNames()].sort());
    expect(await countRows(upgraded, "configuration_items")).toBe(itemsBefore);
    await upgraded.close();
    // and opening it again changes nothing
    const reopened = await database.open();
    expect(await recordedNames(reopened)).toEqual([...migrationNames()].sort());
    await reopened.close();
  });

  it("runs what an earlier release had not reached yet", async () => {
    // given a database from before accounts existed: only the first six old migrations ran
    database = await backend.create();
    const old = await database.open();
    await old.transaction(async (tx) => {
      for (const table of [
        "requests",
        "rate_limit_hits",
        "configuration_items",
        "audit_log",
        "sessions",
        "user_roles",
        "group_members",
        "user_groups",
        "users",
      ]) {
        await tx.sql.run(`DROP TABLE ${table}`);
      }
      await tx.sql.run("ALTER TABLE tasks DROP COLUMN form_version");
      await recordOldNames(tx.sql, legacyNames.slice(0, 6));
    });
    await old.close();
    // when the current release opens it
    const upgraded = await database.open();
    // then the later migrations ran, in order, and everything is recorded by its current name
    expect(await recordedNames(upgraded)).toEqual([...migrationNames()].sort());
    expect(await countRows(upgraded, "users")).toBe(0);
    expect(await countRows(upgraded, "configuration_items")).toBeGreaterThan(0);
    await upgraded.transaction((tx) => tx.sql.all("SELECT form_version FROM tasks"));
    await upgraded.close();
  });
});

describe("migration names", () => {
  it("are numbered in the order they run", () => {
    // given
    const names = migrationNames();
    // then
    expect(names.map((name) => name.slice(0, 4))).toEqual(
      names.map((_, index) => String(index + 1).padStart(4, "0")),
    );
  });
});
