import { existsSync } from "node:fs";
import { dirname, isAbsolute, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export interface ServerConfig {
  port: number;
  host: string | undefined;
  dataDir: string;
  databaseUrl: string | undefined;
  adminPassword: string | undefined;
  trustProxy: boolean | number | string;
  /** Where workflows/ and forms/ of the starter pack live. */
  packRoot: string;
  webRoot: string;
  /** socket.io's Redis adapter: events caused on one server process reach clients of the others. */
  redisUrl?: string | undefined;
  /** How often the hosted job runner looks for due jobs when idle (default 500 ms). */
  jobPollIntervalMs?: number | undefined;
}

/** The repository root: the nearest folder above this file that holds pnpm-workspace.yaml. */
const findRepositoryRoot = (): string | undefined => {
  let folder = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(folder, "pnpm-workspace.yaml"))) return folder;
    const parent = dirname(folder);
    if (parent === folder) return undefined;
    folder = parent;
  }
};

const trustProxyFrom = (value: string | undefined): boolean | number | string => {
  if (value === undefined || value === "" || value === "false") return false;
  if (value === "true") return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
};

/**
 * Reads the environment. Relative paths are taken from where the command was started
 * (INIT_CWD: `pnpm start` runs the package script in packages/server, but ./data
 * means the folder the person typed the command in).
 */
export const configFromEnvironment = (env: NodeJS.ProcessEnv = process.env): ServerConfig => {
  const base = env.INIT_CWD ?? process.cwd();
  const fromBase = (path: string): string => (isAbsolute(path) ? path : resolve(base, path));
  const repositoryRoot = findRepositoryRoot() ?? base;
  const port = Number(env.PORT ?? "3000");
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, not "${env.PORT}"`);
  return {
    port,
    host: env.HOST === undefined || env.HOST === "" ? undefined : env.HOST,
    dataDir: fromBase(env.FLOWDESK_DATA_DIR ?? "./data"),
    databaseUrl: env.DATABASE_URL === "" ? undefined : env.DATABASE_URL,
    adminPassword: env.FLOWDESK_ADMIN_PASSWORD,
    redisUrl: env.REDIS_URL === "" ? undefined : env.REDIS_URL,
    trustProxy: trustProxyFrom(env.FLOWDESK_TRUST_PROXY),
    packRoot: env.FLOWDESK_PACK_DIR === undefined ? repositoryRoot : fromBase(env.FLOWDESK_PACK_DIR),
    webRoot:
      env.FLOWDESK_WEB_DIR === undefined
        ? join(repositoryRoot, "packages", "web", "dist")
        : fromBase(env.FLOWDESK_WEB_DIR),
  };
};
