import BetterSqlite3 from "better-sqlite3";
import { SerialQueue } from "./serial-queue.ts";
import { bindable, type Database, type SqlExecutor, type SqlRow } from "./sql-executor.ts";

type Statement = BetterSqlite3.Statement<unknown[], SqlRow>;

/**
 * SQLite through better-sqlite3 with cached prepared statements: the hot path of every
 * engine command (docs/sqlite-driver.md has the measurements behind this choice).
 * WAL + synchronous=FULL makes each COMMIT durable before the command is acknowledged.
 */
export class SqliteDatabase implements Database {
  readonly dialect = "sqlite" as const;
  private readonly connection: BetterSqlite3.Database;
  private readonly statements = new Map<string, Statement>();
  private readonly queue = new SerialQueue();
  private readonly executor: SqlExecutor;

  constructor(filename: string, options: { busyTimeoutMs?: number } = {}) {
    this.connection = new BetterSqlite3(filename, { timeout: options.busyTimeoutMs ?? 5000 });
    this.connection.pragma("journal_mode = WAL");
    this.connection.pragma("synchronous = FULL");
    this.connection.pragma("foreign_keys = ON");
    this.executor = {
      dialect: "sqlite",
      all: async <T extends SqlRow>(sql: string, params: readonly unknown[] = []) =>
        this.prepare(sql).all(...bindable(params)) as T[],
      run: async (sql: string, params: readonly unknown[] = []) =>
        this.prepare(sql).run(...bindable(params)).changes,
    };
  }

  transaction<T>(work: (sql: SqlExecutor) => Promise<T>): Promise<T> {
    return this.queue.run(async () => {
      // IMMEDIATE takes the write lock up front, so a second process waits (busy timeout) instead of failing mid-command.
      this.connection.exec("BEGIN IMMEDIATE");
      try {
        const result = await work(this.executor);
        this.connection.exec("COMMIT");
        return result;
      } catch (error) {
        if (this.connection.inTransaction) this.connection.exec("ROLLBACK");
        throw error;
      }
    });
  }

  async close(): Promise<void> {
    await this.queue.run(async () => {
      this.statements.clear();
      this.connection.close();
    });
  }

  private prepare(sql: string): Statement {
    let statement = this.statements.get(sql);
    if (statement === undefined) {
      statement = this.connection.prepare<unknown[], SqlRow>(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }
}
