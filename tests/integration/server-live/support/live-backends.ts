import { postgresDatabase, sqliteDatabase, type TestDatabase } from "./live-server.ts";

/** The definitions every live test publishes, in dependency order. */
export const FIXTURES = [
  "hardware-request.form.json",
  "hardware-approval.workflow.json",
  "hardware-fulfilment.workflow.json",
  "approved-hardware.catalog-item.json",
  "handed-out-hardware.catalog-item.json",
];

export const GOOD_DATA = { item: "Docking station", quantity: 2 };

export interface LiveBackend {
  name: string;
  database(): Promise<TestDatabase>;
  env: Record<string, string>;
}

const PG_URL = process.env.TEST_PG_URL;
const REDIS_URL = process.env.TEST_REDIS_URL;

/** SQLite always; PostgreSQL with the Redis adapter when TEST_PG_URL and TEST_REDIS_URL are set. */
export const BACKENDS: LiveBackend[] = [
  { name: "SQLite", database: async () => sqliteDatabase(), env: {} },
  ...(PG_URL !== undefined && REDIS_URL !== undefined
    ? [{ name: "PostgreSQL + Redis", database: () => postgresDatabase(PG_URL), env: { REDIS_URL } }]
    : []),
];
