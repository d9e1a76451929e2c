import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  createPostgresDatabase,
  dropPostgresDatabase,
  openServerStore,
  type ServerStore,
} from "@flowdesk/store";

export interface Backend {
  name: "sqlite" | "postgres";
}

/** SQLite always; PostgreSQL too when TEST_PG_URL names a server (CI sets it). */
export const BACKENDS: Backend[] = [
  { name: "sqlite" },
  ...(process.env.TEST_PG_URL ? [{ name: "postgres" as const }] : []),
];

/** An empty, migrated installation of its own, removed again by `close`. */
export const openEmptyStore = async (
  backend: Backend,
): Promise<{ store: ServerStore; close(): Promise<void> }> => {
  if (backend.name === "postgres") {
    const adminUrl = process.env.TEST_PG_URL as string;
    const name = `flowdesk_packs_${randomBytes(6).toString("hex")}`;
    const store = await openServerStore({
      databaseUrl: await createPostgresDatabase(adminUrl, name),
      poolSize: 2,
    });
    return {
      store,
      async close() {
        await store.close();
        await dropPostgresDatabase(adminUrl, name);
      },
    };
  }
  const dataDir = mkdtempSync(join(tmpdir(), "flowdesk-pack-"));
  const store = await openServerStore({ dataDir });
  return {
    store,
    async close() {
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
};
