import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { configFromEnvironment, type Logger, type RunningServer, startServer } from "@flowdesk/server";
import { createPostgresDatabase, dropPostgresDatabase } from "@flowdesk/store";
import { io, type Socket } from "socket.io-client";

const REPOSITORY_ROOT = resolve(import.meta.dirname, "../../../..");
const FIXTURES = resolve(import.meta.dirname, "../fixtures");

export const quietLogger: Logger = { info: () => undefined, error: () => undefined };

export const fixture = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(FIXTURES, name), "utf8")) as Record<string, unknown>;

/** A database for one test file: a SQLite folder, or a fresh PostgreSQL database dropped afterwards. */
export interface TestDatabase {
  env: Record<string, string>;
  drop(): Promise<void>;
}

export const sqliteDatabase = (): TestDatabase => {
  const dataDir = mkdtempSync(join(tmpdir(), "flowdesk-live-"));
  return {
    env: { FLOWDESK_DATA_DIR: dataDir },
    drop: async () => rmSync(dataDir, { recursive: true, force: true }),
  };
};

export const postgresDatabase = async (adminUrl: string): Promise<TestDatabase> => {
  const name = `flowdesk_live_${randomBytes(6).toString("hex")}`;
  const url = await createPostgresDatabase(adminUrl, name);
  const dataDir = mkdtempSync(join(tmpdir(), "flowdesk-live-"));
  return {
    env: { DATABASE_URL: url, FLOWDESK_DATA_DIR: dataDir },
    async drop() {
      await dropPostgresDatabase(adminUrl, name);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
};

/** The real server (HTTP, socket.io, job runner) on a free port. */
export const startLiveServer = (
  database: TestDatabase,
  extra: Record<string, string> = {},
): Promise<RunningServer> =>
  startServer(
    {
      ...configFromEnvironment({ PORT: "0", INIT_CWD: REPOSITORY_ROOT, ...database.env, ...extra }),
      host: "127.0.0.1",
      jobPollIntervalMs: 100,
    },
    { log: quietLogger, print: () => undefined },
  );

export interface HttpResult {
  status: number;
  contentType: string;
  // biome-ignore lint/suspicious/noExplicitAny: response bodies are checked field by field in the tests
  body: any;
}

const cookieFrom = (response: Response): string | undefined =>
  response.headers
    .getSetCookie()
    .map((line) => line.split(";")[0] ?? "")
    .find((pair) => pair.startsWith("flowdesk_session="));

/** A signed-in user talking to the server over HTTP with fetch: session cookie and CSRF token. */
export class HttpSession {
  private constructor(
    readonly baseUrl: string,
    readonly cookie: string,
    readonly csrf: string,
  ) {}

  static async signIn(baseUrl: string, username: string, password: string): Promise<HttpSession> {
    const visit = await fetch(`${baseUrl}/api/session`);
    const visitorCookie = cookieFrom(visit) ?? "";
    const { csrfToken } = (await visit.json()) as { csrfToken: string };
    const signIn = await fetch(`${baseUrl}/api/session`, {
      method: "POST",
      headers: { cookie: visitorCookie, "x-csrf-token": csrfToken, "content-type": "application/json" },
      body: JSON.stringify({ username, password }),
    });
    if (signIn.status !== 200) throw new Error(`sign-in of ${username} answered ${signIn.status}`);
    const body = (await signIn.json()) as { csrfToken: string };
    return new HttpSession(baseUrl, cookieFrom(signIn) ?? visitorCookie, body.csrfToken);
  }

  /** The same session against another server process (they share the database). */
  on(baseUrl: string): HttpSession {
    return new HttpSession(baseUrl, this.cookie, this.csrf);
  }

  async call(
    method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE",
    path: string,
    body?: unknown,
  ): Promise<HttpResult> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        cookie: this.cookie,
        "x-csrf-token": this.csrf,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return {
      status: response.status,
      contentType: response.headers.get("content-type") ?? "",
      body: text === "" ? undefined : JSON.parse(text),
    };
  }

  get(path: string): Promise<HttpResult> {
    return this.call("GET", path);
  }

  post(path: string, body?: unknown): Promise<HttpResult> {
    return this.call("POST", path, body);
  }
}

/** Publishes fixture definitions through the designer API, in the order given. */
export const publishFixtures = async (
  designer: HttpSession,
  files: string[],
  change: (definition: Record<string, unknown>) => Record<string, unknown> = (definition) => definition,
): Promise<void> => {
  const segments: Record<string, string> = {
    workflow: "workflows",
    form: "forms",
    catalogItem: "catalog-items",
  };
  for (const file of files) {
    const definition = change(fixture(file));
    const path = `/api/${segments[String(definition.kind)]}/${String(definition.id)}`;
    const saved = await designer.call("PUT", `${path}/draft`, definition);
    if (saved.status !== 200)
      throw new Error(`draft of ${file}: ${saved.status} ${JSON.stringify(saved.body)}`);
    const published = await designer.post(`${path}/publish`);
    if (published.status >= 300)
      throw new Error(`publish of ${file}: ${published.status} ${JSON.stringify(published.body)}`);
  }
};

export interface LiveEventSeen {
  name: string;
  // biome-ignore lint/suspicious/noExplicitAny: payloads are checked field by field in the tests
  payload: any;
}

/** A socket.io client with the session cookie, recording every event it receives. */
export class LiveClient {
  readonly events: LiveEventSeen[] = [];
  private waiters: { test: (event: LiveEventSeen) => boolean; resolve: (event: LiveEventSeen) => void }[] =
    [];

  private constructor(readonly socket: Socket) {
    socket.onAny((name: string, payload: unknown) => {
      const event = { name, payload };
      this.events.push(event);
      this.waiters = this.waiters.filter((waiter) => {
        if (!waiter.test(event)) return true;
        waiter.resolve(event);
        return false;
      });
    });
  }

  static connect(baseUrl: string, cookie: string | undefined): Promise<LiveClient> {
    const socket = io(baseUrl, {
      transports: ["websocket"],
      reconnection: false,
      forceNew: true,
      ...(cookie === undefined ? {} : { extraHeaders: { cookie } }),
    });
    return new Promise((resolve, reject) => {
      socket.once("connect", () => resolve(new LiveClient(socket)));
      socket.once("connect_error", (error) => {
        socket.close();
        reject(error);
      });
    });
  }

  /** The first event (already received or still to come) with this name that passes the test. */
  next(
    name: string,
    test: (payload: LiveEventSeen["payload"]) => boolean = () => true,
  ): Promise<LiveEventSeen> {
    const matches = (event: LiveEventSeen) => event.name === name && test(event.payload);
    const seen = this.events.find(matches);
    if (seen !== undefined) return Promise.resolve(seen);
    return new Promise((resolve) => this.waiters.push({ test: matches, resolve }));
  }

  join(request: { instanceId?: string; definitionId?: string }): Promise<{ ok: boolean; error?: string }> {
    return this.socket.timeout(5000).emitWithAck("room.join", request);
  }

  /** Resolves with the reason once the server (or the client) ends this connection. */
  disconnected(): Promise<string> {
    if (!this.socket.connected) return Promise.resolve("already disconnected");
    return new Promise((resolve) => this.socket.once("disconnect", (reason) => resolve(reason)));
  }

  close(): void {
    this.socket.close();
  }
}

export interface ServerProcess {
  url: string;
  stop(): Promise<void>;
}

/** `packages/server/src/main.ts` as its own process: it shares only what its environment names. */
export const spawnServerProcess = (env: Record<string, string>): Promise<ServerProcess> =>
  new Promise((resolveStart, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "packages/server/src/main.ts"], {
      cwd: REPOSITORY_ROOT,
      env: { ...process.env, PORT: "0", HOST: "127.0.0.1", INIT_CWD: REPOSITORY_ROOT, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    const exited = new Promise<void>((resolveExit) => child.once("exit", () => resolveExit()));
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1] === undefined) return;
      child.stdout.off("data", onData);
      resolveStart({
        url: match[1].replace("localhost", "127.0.0.1"),
        async stop() {
          child.kill("SIGTERM");
          await exited;
        },
      });
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once("exit", (code) =>
      reject(new Error(`server process exited with ${code} before listening:\n${output}`)),
    );
  });
