import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { configFromEnvironment, type RunningServer, startServer } from "@flowdesk/server";
import type { Browser, BrowserContext, Page } from "playwright-core";

/*
 * A real Flowdesk for browser tests: the server as `pnpm start` runs it (migrations, the
 * admin, the ITIL starter pack, the job runner, socket.io) on a fresh SQLite folder and
 * a free port, serving the built web app. People are created over the admin API.
 */

const REPOSITORY_ROOT = resolve(import.meta.dirname, "../../..");
export const ADMIN_PASSWORD = "correct horse battery staple";
export const USER_PASSWORD = "e2e password 12345";

export interface Person {
  username: string;
  displayName: string;
  roles: string[];
  groups?: string[];
}

export interface Flowdesk {
  url: string;
  server: RunningServer;
  /** Creates people (as admin, over the API); they sign in with USER_PASSWORD. */
  createPeople(people: readonly Person[]): Promise<void>;
  /** Calls the API as admin (JSON in and out). */
  adminApi<T = unknown>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }>;
  /** Signs `username` in over the API (own session, as a browser would) and calls the API as them. */
  apiAs(username: string, password?: string): Promise<ApiCaller>;
  close(): Promise<void>;
}

export type ApiCaller = <T = unknown>(
  method: string,
  path: string,
  body?: unknown,
) => Promise<{ status: number; body: T }>;

class ApiSession {
  private cookie = "";
  private csrf = "";
  constructor(private readonly url: string) {}

  /** As the browser does: an anonymous session hands out the CSRF token the sign-in must echo. */
  async signIn(username: string, password: string): Promise<void> {
    const anonymous = await fetch(`${this.url}/api/session`);
    this.take(anonymous);
    this.csrf = ((await anonymous.json()) as { csrfToken: string }).csrfToken;
    const response = await fetch(`${this.url}/api/session`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Cookie: this.cookie, "X-CSRF-Token": this.csrf },
      body: JSON.stringify({ username, password }),
    });
    if (!response.ok) throw new Error(`sign-in of ${username} answered ${response.status}`);
    this.take(response);
    this.csrf = ((await response.json()) as { csrfToken: string }).csrfToken;
  }

  private take(response: Response): void {
    const cookie = (response.headers.get("set-cookie") ?? "").split(";")[0];
    if (cookie) this.cookie = cookie;
  }

  async call<T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
    const headers: Record<string, string> = { Cookie: this.cookie, "X-CSRF-Token": this.csrf };
    if (body !== undefined) headers["Content-Type"] = "application/json";
    const init: RequestInit = { method, headers };
    if (body !== undefined) init.body = JSON.stringify(body);
    const response = await fetch(`${this.url}${path}`, init);
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
  }
}

/** `webDir` defaults to packages/web/dist, which the e2e global setup builds. */
export const startFlowdesk = async (options: { webDir?: string } = {}): Promise<Flowdesk> => {
  const dataDir = mkdtempSync(join(tmpdir(), "flowdesk-e2e-"));
  const config = configFromEnvironment({
    PORT: "0",
    HOST: "127.0.0.1",
    FLOWDESK_DATA_DIR: dataDir,
    FLOWDESK_ADMIN_PASSWORD: ADMIN_PASSWORD,
    INIT_CWD: REPOSITORY_ROOT,
    ...(options.webDir === undefined ? {} : { FLOWDESK_WEB_DIR: options.webDir }),
    ...(process.env.FLOWDESK_WEB_DIR === undefined ? {} : { FLOWDESK_WEB_DIR: process.env.FLOWDESK_WEB_DIR }),
  });
  const quiet = { info: () => undefined, error: (message: string) => console.error(message) };
  const server = await startServer(
    { ...config, jobPollIntervalMs: 100 },
    { log: quiet, print: () => undefined },
  );
  const url = server.url.replace("localhost", "127.0.0.1");
  const admin = new ApiSession(url);
  await admin.signIn("admin", ADMIN_PASSWORD);
  return {
    url,
    server,
    adminApi: (method, path, body) => admin.call(method, path, body),
    async apiAs(username, password = USER_PASSWORD) {
      const session = new ApiSession(url);
      await session.signIn(username, password);
      return (method, path, body) => session.call(method, path, body);
    },
    async createPeople(people) {
      for (const person of people) {
        const created = await admin.call("POST", "/api/users", {
          username: person.username,
          displayName: person.displayName,
          password: USER_PASSWORD,
          roles: person.roles,
          groups: person.groups ?? [],
        });
        if (created.status !== 201)
          throw new Error(`creating ${person.username}: ${created.status} ${JSON.stringify(created.body)}`);
      }
    },
    async close() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
};

/** A browser context (its own cookies) signed in as `username` through the sign-in screen. */
export const signInAs = async (
  browser: Browser,
  flowdesk: Flowdesk,
  username: string,
  options: { width?: number; height?: number; password?: string } = {},
): Promise<{ context: BrowserContext; page: Page }> => {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1366, height: options.height ?? 800 },
    locale: "en-GB",
    timezoneId: "Europe/London",
  });
  const page = await context.newPage();
  await page.goto(`${flowdesk.url}/#/catalog`);
  await page.getByLabel("User name").fill(username);
  await page.getByLabel("Password").fill(options.password ?? USER_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("button", { name: "Sign out" }).waitFor();
  return { context, page };
};
