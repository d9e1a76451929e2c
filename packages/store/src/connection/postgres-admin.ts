import knexFactory from "knex";

const SAFE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Creates and drops whole PostgreSQL databases, for test runs and benchmarks that each
 * need a fresh, private database next to whatever else lives on the server.
 */
export async function createPostgresDatabase(adminUrl: string, name: string): Promise<string> {
  if (!SAFE_NAME.test(name)) throw new Error(`"${name}" is not a plain database name`);
  const admin = knexFactory({ client: "pg", connection: adminUrl, pool: { min: 0, max: 1 } });
  try {
    await admin.raw(`CREATE DATABASE ${name}`);
  } finally {
    await admin.destroy();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropPostgresDatabase(adminUrl: string, name: string): Promise<void> {
  if (!SAFE_NAME.test(name)) throw new Error(`"${name}" is not a plain database name`);
  const admin = knexFactory({ client: "pg", connection: adminUrl, pool: { min: 0, max: 1 } });
  try {
    await admin.raw(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await admin.destroy();
  }
}
