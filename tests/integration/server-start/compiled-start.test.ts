import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createPostgresDatabase, dropPostgresDatabase } from "@flowdesk/store";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SERVER_BUNDLE, serverTarget } from "../../../scripts/build/build-targets.ts";

const REPOSITORY_ROOT = resolve(import.meta.dirname, "../../..");

/** Starts `node packages/server/dist/main.js` as `pnpm start` does; resolves with its URL once listening. */
const startCompiled = (
  env: NodeJS.ProcessEnv,
): { child: ChildProcess; url: Promise<string>; output: () => string } => {
  const child = spawn(process.execPath, ["--enable-source-maps", SERVER_BUNDLE], {
    cwd: REPOSITORY_ROOT,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  const url = new Promise<string>((resolveUrl, reject) => {
    child.stdout?.on("data", () => {
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1]) resolveUrl(match[1]);
    });
    child.on("exit", (code) => reject(new Error(`exited early with ${code}: ${output}`)));
  });
  return { child, url, output: () => output };
};

const stopped = (child: ChildProcess): Promise<number | null> =>
  new Promise((resolveExit) => {
    child.on("exit", (code) => resolveExit(code));
    child.kill("SIGTERM");
  });

describe("the compiled server", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "flowdesk-compiled-"));
  const webDir = mkdtempSync(join(tmpdir(), "flowdesk-compiled-web-"));

  beforeAll(async () => {
    // The bundle `pnpm start` runs (rebuilt only if its sources changed since the last build).
    await serverTarget.ensureBuilt();
    writeFileSync(join(webDir, "index.html"), "<!doctype html><title>Flowdesk web app</title>");
  }, 120_000);

  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(webDir, { recursive: true, force: true });
  });

  it("migrates, seeds and imports the starter pack on a fresh data folder, serves the API and the app, and stops cleanly", async () => {
    // given an empty data folder and a free port
    const server = startCompiled({
      PORT: "0",
      FLOWDESK_DATA_DIR: dataDir,
      FLOWDESK_WEB_DIR: webDir,
      FLOWDESK_ADMIN_PASSWORD: "a long enough admin password",
      INIT_CWD: REPOSITORY_ROOT,
    });

    // when it has started
    const url = await server.url;
    const health = await fetch(`${url}/api/health`);
    const app = await fetch(`${url}/requests/42`);
    const appPage = await app.text();
    const exitCode = await stopped(server.child);

    // then the database is migrated in the data folder, the starter pack (read from disk
    // next to the repository, not the bundle) is imported, and both answers came
    expect(server.output()).toContain(`Database: ${join(dataDir, "flowdesk.sqlite")} (migrated)`);
    expect(server.output()).toMatch(/Starter pack: imported \d+: .*incident-management/);
    expect(health.status).toBe(200);
    expect(app.status).toBe(200);
    expect(appPage).toContain("Flowdesk web app");
    expect(app.headers.get("content-security-policy")).toContain("default-src 'self'");
    expect(exitCode).toBe(0);
  }, 60_000);
});

// Registered only when PostgreSQL is provided, like the other PostgreSQL runs (no skipped tests).
const postgresSuites = process.env.TEST_PG_URL ? [process.env.TEST_PG_URL] : [];
for (const adminUrl of postgresSuites) {
  describe("the compiled server on PostgreSQL", () => {
    it("migrates a fresh database named by DATABASE_URL and answers /api/health", async () => {
      // given an empty database and the bundle
      await serverTarget.ensureBuilt();
      const name = `flowdesk_compiled_${randomBytes(6).toString("hex")}`;
      const databaseUrl = await createPostgresDatabase(adminUrl, name);
      try {
        // when the compiled server starts on it
        const server = startCompiled({ PORT: "0", DATABASE_URL: databaseUrl, INIT_CWD: REPOSITORY_ROOT });
        const url = await server.url;
        const health = await fetch(`${url}/api/health`);
        const exitCode = await stopped(server.child);

        // then it ran on PostgreSQL (pg loaded from outside the bundle) and answered
        expect(server.output()).toContain("Database: PostgreSQL (migrated)");
        expect(health.status).toBe(200);
        expect(exitCode).toBe(0);
      } finally {
        await dropPostgresDatabase(adminUrl, name);
      }
    }, 90_000);
  });
}
