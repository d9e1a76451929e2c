import { resolve } from "node:path";
import { openServerStore, type ServerStore } from "@flowdesk/store";
import type { CommandResult } from "../command.ts";

/** The options that say which installation `pack import` and `pack export` work on. */
export const storeOptions = {
  "data-dir": { type: "string" },
  "database-url": { type: "string" },
} as const;

export const storeOptionsHelp = `  --data-dir DIR       SQLite installation in DIR (default $FLOWDESK_DATA_DIR or ./data)
  --database-url URL   PostgreSQL installation (default $DATABASE_URL)`;

/** Thrown for options that cannot be used together or at all (exit code 2). */
export class PackUsageError extends Error {
  override readonly name = "PackUsageError";
}

/** Opens the installation the options name, the way the server does; migrations run first. */
export const openPackStore = async (
  values: { "data-dir"?: string | undefined; "database-url"?: string | undefined },
  cwd: string,
): Promise<ServerStore> => {
  if (values["data-dir"] !== undefined && values["database-url"] !== undefined) {
    throw new PackUsageError("give --data-dir or --database-url, not both");
  }
  const environmentUrl = process.env.DATABASE_URL === "" ? undefined : process.env.DATABASE_URL;
  const databaseUrl =
    values["data-dir"] === undefined ? (values["database-url"] ?? environmentUrl) : undefined;
  if (databaseUrl !== undefined) return openServerStore({ databaseUrl });
  return openServerStore({
    dataDir: resolve(cwd, values["data-dir"] ?? process.env.FLOWDESK_DATA_DIR ?? "./data"),
  });
};

/** A usage mistake of `flowdesk pack <subcommand>`: one line, exit code 2. */
export const packUsage = (subcommand: string, message: string): CommandResult => ({
  exitCode: 2,
  stderr: `flowdesk pack ${subcommand}: ${message}`,
});

/** Opens the installation, runs `work` on it and always closes it; bad store options exit 2. */
export const withPackStore = async (
  subcommand: string,
  values: { "data-dir"?: string | undefined; "database-url"?: string | undefined },
  cwd: string,
  work: (store: ServerStore) => Promise<CommandResult>,
): Promise<CommandResult> => {
  let store: ServerStore;
  try {
    store = await openPackStore(values, cwd);
  } catch (error) {
    if (error instanceof PackUsageError) return packUsage(subcommand, error.message);
    throw error;
  }
  try {
    return await work(store);
  } finally {
    await store.close();
  }
};
