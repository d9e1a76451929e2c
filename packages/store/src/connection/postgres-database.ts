import type { Knex } from "knex";
import { bindable, type Database, type SqlExecutor, type SqlRow } from "./sql-executor.ts";

/** PostgreSQL through knex (pool + transactions); statements use the same `?` SQL as SQLite. */
export class PostgresDatabase implements Database {
  readonly dialect = "postgres" as const;

  constructor(private readonly knex: Knex) {}

  transaction<T>(work: (sql: SqlExecutor) => Promise<T>): Promise<T> {
    return this.knex.transaction(async (trx) => work(executorFor(trx)));
  }

  async close(): Promise<void> {
    await this.knex.destroy();
  }
}

const executorFor = (trx: Knex.Transaction): SqlExecutor => ({
  dialect: "postgres",
  all: async <T extends SqlRow>(sql: string, params: readonly unknown[] = []) => {
    const result = (await trx.raw(sql, bindable(params) as Knex.RawBinding[])) as { rows: T[] };
    return result.rows;
  },
  run: async (sql: string, params: readonly unknown[] = []) => {
    const result = (await trx.raw(sql, bindable(params) as Knex.RawBinding[])) as { rowCount: number | null };
    return result.rowCount ?? 0;
  },
});
