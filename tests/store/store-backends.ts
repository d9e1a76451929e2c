import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createPostgresDatabase, dropPostgresDatabase, openStore, type SqlStore } from "@flowdesk/store";

/**
 * The databases the store suite runs on: SQLite always, PostgreSQL when TEST_PG_URL is
 * set. Every opened store gets its own empty database (a temp SQLite file, or a
 * randomly named PostgreSQL database) that `dispose` removes.
 */
export interface StoreBackend {
  name: "sqlite" | "postgres";
  open(): Promise<OpenedStore>;
}

export interface OpenedStore {
  store: SqlStore;
  dispose(): Promise<void>;
}

const sqliteBackend: StoreBackend = {
  name: "sqlite",
  async open() {
    const dataDir = mkdtempSync(join(tmpdir(), "flowdesk-store-"));
    const store = await openStore({ dataDir });
    return {
      store,
      async dispose() {
        await store.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  },
};

const postgresBackend = (adminUrl: string): StoreBackend => ({
  name: "postgres",
  async open() {
    const database = `flowdesk_test_${randomBytes(6).toString("hex")}`;
    const url = await createPostgresDatabase(adminUrl, database);
    const store = await openStore({ databaseUrl: url, poolSize: 20 });
    return {
      store,
      async dispose() {
        await store.close();
        await dropPostgresDatabase(adminUrl, database);
      },
    };
  },
});

export const storeBackends = (): StoreBackend[] => {
  const pgUrl = process.env.TEST_PG_URL;
  return pgUrl ? [sqliteBackend, postgresBackend(pgUrl)] : [sqliteBackend];
};
