import { openServerStore } from "@flowdesk/store";
import { afterAll, beforeAll } from "vitest";
import { createTestUser } from "../../../server/support/test-app.ts";
import { BACKENDS, type LiveBackend } from "./live-backends.ts";
import { type LiveClient, type ServerProcess, spawnServerProcess, type TestDatabase } from "./live-server.ts";

/** The backends that can run two server processes: PostgreSQL with the Redis adapter. */
export const SCALE_OUT = BACKENDS.filter((backend) => backend.env.REDIS_URL !== undefined);

export interface TwoProcesses {
  database: TestDatabase;
  first: ServerProcess;
  second: ServerProcess;
  /** Sockets a test opens; closed after the suite. */
  sockets: LiveClient[];
}

/**
 * Two server processes (`main.ts`, each its own node process) sharing only the database and
 * Redis, started one after the other (the first migrates and seeds, the second finds it
 * done) before the suite and stopped after it. Call inside a describe block.
 */
export const useTwoProcesses = (backend: LiveBackend): TwoProcesses => {
  const processes = { sockets: [] as LiveClient[] } as TwoProcesses;
  beforeAll(async () => {
    processes.database = await backend.database();
    const env = {
      ...processes.database.env,
      ...backend.env,
      FLOWDESK_ADMIN_PASSWORD: "scale-out admin password 1",
    };
    processes.first = await spawnServerProcess(env);
    processes.second = await spawnServerProcess(env);
  });
  afterAll(async () => {
    for (const socket of processes.sockets) socket.close();
    await processes.first?.stop();
    await processes.second?.stop();
    await processes.database?.drop();
  });
  return processes;
};

/** Writes people straight into the shared database, as neither process is "the" admin's. */
export const createPeople = async (
  database: TestDatabase,
  people: readonly (readonly [username: string, roles: string[], groups: string[]])[],
): Promise<void> => {
  const store = await openServerStore({
    databaseUrl: database.env.DATABASE_URL,
    migrate: false,
    poolSize: 2,
  });
  try {
    for (const [username, roles, groups] of people) await createTestUser(store, { username, roles, groups });
  } finally {
    await store.close();
  }
};
