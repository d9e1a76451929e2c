import { createHash, randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type AppOptions, createApp, hashPassword, type Logger } from "@flowdesk/server";
import {
  createPostgresDatabase,
  dropPostgresDatabase,
  openServerStore,
  type ServerStore,
} from "@flowdesk/store";
import type { Express } from "express";
import request from "supertest";

export interface Backend {
  name: "sqlite" | "postgres";
}

/** SQLite always; PostgreSQL too when TEST_PG_URL is set (each app gets its own database). */
export const BACKENDS: Backend[] = [
  { name: "sqlite" },
  ...(process.env.TEST_PG_URL ? [{ name: "postgres" as const }] : []),
];

export const quietLogger: Logger = { info: () => undefined, error: () => undefined };

export interface TestApp {
  app: Express;
  store: ServerStore;
  close(): Promise<void>;
}

export const openTestStore = async (
  backend: Backend,
): Promise<{ store: ServerStore; close(): Promise<void> }> => {
  if (backend.name === "postgres") {
    const adminUrl = process.env.TEST_PG_URL as string;
    const name = `flowdesk_server_${randomBytes(6).toString("hex")}`;
    const url = await createPostgresDatabase(adminUrl, name);
    const store = await openServerStore({ databaseUrl: url, poolSize: 4 });
    return {
      store,
      async close() {
        await store.close();
        await dropPostgresDatabase(adminUrl, name);
      },
    };
  }
  const dataDir = mkdtempSync(join(tmpdir(), "flowdesk-server-"));
  const store = await openServerStore({ dataDir });
  return {
    store,
    async close() {
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
};

export const openTestApp = async (
  backend: Backend,
  options: Omit<AppOptions, "store"> = {},
): Promise<TestApp> => {
  const opened = await openTestStore(backend);
  const { app } = createApp({ log: quietLogger, ...options, store: opened.store });
  return { app, store: opened.store, close: opened.close };
};

export const TEST_PASSWORD = "correct horse battery staple";
let testPasswordHash: Promise<string> | undefined;
/** One scrypt hash shared by every test user, so creating users stays cheap. */
const sharedHash = (): Promise<string> => {
  testPasswordHash ??= hashPassword(TEST_PASSWORD);
  return testPasswordHash;
};

export const createTestUser = async (
  store: ServerStore,
  input: { username: string; roles: string[]; groups?: string[]; disabled?: boolean },
): Promise<string> => {
  const passwordHash = await sharedHash();
  const id = randomUUID();
  const at = new Date().toISOString();
  await store.transaction(async (tx) => {
    for (const group of input.groups ?? [])
      await tx.groups.upsert({ id: group, title: group, description: null }, at);
    await tx.users.insert({
      id,
      username: input.username,
      displayName: input.username,
      email: null,
      passwordHash,
      disabled: input.disabled ?? false,
      createdAt: at,
      updatedAt: at,
    });
    await tx.users.setRoles(id, input.roles);
    await tx.users.setGroups(id, input.groups ?? []);
  });
  return id;
};

export interface Client {
  agent: ReturnType<typeof request.agent>;
  csrf: string;
}

/** A cookie-keeping client with a visitor session and its CSRF token. */
export const visitor = async (app: Express): Promise<Client> => {
  const agent = request.agent(app);
  const response = await agent.get("/api/session").expect(200);
  return { agent, csrf: (response.body as { csrfToken: string }).csrfToken };
};

export const signIn = async (app: Express, username: string, password = TEST_PASSWORD): Promise<Client> => {
  const client = await visitor(app);
  const response = await client.agent
    .post("/api/session")
    .set("X-CSRF-Token", client.csrf)
    .send({ username, password });
  if (response.status !== 200) throw new Error(`sign-in of ${username} answered ${response.status}`);
  return { agent: client.agent, csrf: (response.body as { csrfToken: string }).csrfToken };
};

/** Creates a test user and signs them in: the client a test acts through. */
export const signedInUser = async (
  t: TestApp,
  input: { username: string; roles: string[]; groups?: string[] },
): Promise<Client> => {
  await createTestUser(t.store, input);
  return signIn(t.app, input.username);
};

/** Row count and a content digest of every table: "nothing changed" means these are equal. */
export const databaseFingerprint = async (store: ServerStore): Promise<Record<string, string>> =>
  store.transaction(async (tx) => {
    const tables =
      tx.sql.dialect === "sqlite"
        ? await tx.sql.all("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        : await tx.sql.all(
            "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'",
          );
    const out: Record<string, string> = {};
    for (const { name } of tables) {
      const rows = await tx.sql.all(`SELECT * FROM "${String(name)}"`);
      const lines = rows.map((row) => JSON.stringify(row)).sort();
      out[String(name)] = `${rows.length}:${createHash("sha256").update(lines.join("\n")).digest("hex")}`;
    }
    return out;
  });
