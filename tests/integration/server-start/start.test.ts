import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { configFromEnvironment, type Logger, startServer } from "@flowdesk/server";
import { createPostgresDatabase, dropPostgresDatabase } from "@flowdesk/store";
import { afterAll, describe, expect, it } from "vitest";

const REPOSITORY_ROOT = resolve(import.meta.dirname, "../../..");

const collectingLogger = (): Logger & { lines: string[] } => {
  const lines: string[] = [];
  return { lines, info: (message) => lines.push(message), error: (message) => lines.push(message) };
};

describe("starting the server", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "flowdesk-start-"));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("migrates, seeds the admin and the starter pack once, serves /api, and stops cleanly", async () => {
    // given an empty data folder
    const config = configFromEnvironment({
      PORT: "0",
      FLOWDESK_DATA_DIR: dataDir,
      INIT_CWD: REPOSITORY_ROOT,
    });
    const printed: string[] = [];
    const firstLog = collectingLogger();

    // when the server starts the first time
    const first = await startServer(config, { log: firstLog, print: (line) => printed.push(line) });
    const health = await fetch(`${first.url}/api/health`);
    const home = await fetch(`${first.url}/`);
    await first.close();

    // then the database file is in the data folder, the password was printed once, the pack imported
    expect(config.dataDir).toBe(dataDir);
    expect(health.status).toBe(200);
    expect(home.status).toBe(200);
    expect(printed.some((line) => line.includes("password:"))).toBe(true);
    expect(firstLog.lines.some((line) => line.startsWith("Starter pack: imported"))).toBe(true);

    // when it starts again on the same data
    const secondPrinted: string[] = [];
    const secondLog = collectingLogger();
    const second = await startServer(config, { log: secondLog, print: (line) => secondPrinted.push(line) });
    await second.close();

    // then nothing is seeded again
    expect(secondPrinted).toEqual([]);
    expect(secondLog.lines.some((line) => line.startsWith("Starter pack: nothing new to import"))).toBe(true);
  });

  it("exits 0 on SIGTERM after it has started", async () => {
    // given the real entry point on a free port
    const child = spawn(process.execPath, ["--import", "tsx", "packages/server/src/main.ts"], {
      cwd: REPOSITORY_ROOT,
      env: { ...process.env, PORT: "0", FLOWDESK_DATA_DIR: dataDir, INIT_CWD: REPOSITORY_ROOT },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    const url = await new Promise<string>((resolveUrl, reject) => {
      child.stdout.on("data", () => {
        const match = /listening on (http:\/\/\S+)/.exec(output);
        if (match?.[1]) resolveUrl(match[1]);
      });
      child.on("exit", (code) => reject(new Error(`exited early with ${code}: ${output}`)));
    });
    const health = await fetch(`${url}/api/health`);

    // when it is asked to stop
    const exited = new Promise<number | null>((resolveExit) => child.on("exit", (code) => resolveExit(code)));
    child.kill("SIGTERM");

    // then it answered while up and exits cleanly
    expect(health.status).toBe(200);
    expect(await exited).toBe(0);
    expect(output).toContain("SIGTERM");
  });
});

// Registered only when CI provides PostgreSQL, like the other PostgreSQL runs (no skipped tests).
const postgresSuites = process.env.TEST_PG_URL ? [process.env.TEST_PG_URL] : [];
for (const adminUrl of postgresSuites) {
  describe("starting the server on PostgreSQL", () => {
    it("migrates and seeds a fresh PostgreSQL database once, from DATABASE_URL", async () => {
      // given an empty database named by DATABASE_URL
      const name = `flowdesk_start_${randomBytes(6).toString("hex")}`;
      const databaseUrl = await createPostgresDatabase(adminUrl, name);
      try {
        const config = configFromEnvironment({
          PORT: "0",
          DATABASE_URL: databaseUrl,
          INIT_CWD: REPOSITORY_ROOT,
        });
        const printed: string[] = [];

        // when the server starts twice
        const first = await startServer(config, {
          log: collectingLogger(),
          print: (line) => printed.push(line),
        });
        const health = await fetch(`${first.url}/api/health`);
        const dialect = first.store.dialect;
        await first.close();
        const secondLog = collectingLogger();
        const second = await startServer(config, { log: secondLog, print: (line) => printed.push(line) });
        await second.close();

        // then it ran on PostgreSQL, printed the admin password once, and seeded nothing the second time
        expect(dialect).toBe("postgres");
        expect(health.status).toBe(200);
        expect(printed.filter((line) => line.includes("password:"))).toHaveLength(1);
        expect(secondLog.lines.some((line) => line.startsWith("Starter pack: nothing new to import"))).toBe(
          true,
        );
      } finally {
        await dropPostgresDatabase(adminUrl, name);
      }
    });
  });
}
