import BetterSqlite3 from "better-sqlite3";
import { bindable, type Database, type SqlExecutor, type SqlRow } from "./sql-executor.ts";

type Statement = BetterSqlite3.Statement<unknown[], SqlRow>;

interface PendingWork {
  work: (sql: SqlExecutor) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

export interface SqliteDatabaseOptions {
  busyTimeoutMs?: number;
  /** Most transactions that share one COMMIT (default 64; 1 turns group commit off). */
  maxGroup?: number;
}

/**
 * SQLite through better-sqlite3 with cached prepared statements: the hot path of every
 * engine command (docs/sqlite-driver.md has the measurements behind this choice).
 *
 * WAL + synchronous=FULL makes each COMMIT durable, and that fsync is what bounds a
 * single writer. So transactions that arrive while another is running are grouped:
 * they run one after another, each inside its own SAVEPOINT (a failing one rolls back
 * alone), and share one COMMIT. Nobody is answered before that COMMIT returned, so an
 * acknowledged command is always on disk; a failed COMMIT fails the whole group.
 */
export class SqliteDatabase implements Database {
  readonly dialect = "sqlite" as const;
  private readonly connection: BetterSqlite3.Database;
  private readonly statements = new Map<string, Statement>();
  private readonly executor: SqlExecutor;
  private readonly maxGroup: number;
  /** Commits and transactions so far; transactions / commits is the mean group size. */
  readonly stats = { commits: 0, transactions: 0 };
  private pending: PendingWork[] = [];
  private running = false;
  private closed = false;

  constructor(filename: string, options: SqliteDatabaseOptions = {}) {
    this.connection = new BetterSqlite3(filename, { timeout: options.busyTimeoutMs ?? 5000 });
    this.connection.pragma("journal_mode = WAL");
    this.connection.pragma("synchronous = FULL");
    this.maxGroup = Math.max(1, options.maxGroup ?? 64);
    this.executor = {
      dialect: "sqlite",
      all: async <T extends SqlRow>(sql: string, params: readonly unknown[] = []) =>
        this.prepare(sql).all(...bindable(params)) as T[],
      run: async (sql: string, params: readonly unknown[] = []) =>
        this.prepare(sql).run(...bindable(params)).changes,
    };
  }

  transaction<T>(work: (sql: SqlExecutor) => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new Error("The SQLite store is closed."));
    return new Promise<T>((resolve, reject) => {
      this.pending.push({ work, resolve: resolve as (value: unknown) => void, reject });
      this.schedule();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    while (this.running || this.pending.length > 0) await new Promise((resolve) => setImmediate(resolve));
    this.statements.clear();
    this.connection.close();
  }

  private schedule(): void {
    if (this.running) return;
    this.running = true;
    // Yield once so callers woken by the previous commit can join this group.
    setImmediate(() => {
      void this.runGroup();
    });
  }

  private async runGroup(): Promise<void> {
    const group = this.pending.splice(0, this.maxGroup);
    const settled: (() => void)[] = [];
    try {
      // IMMEDIATE takes the write lock up front, so another process waits (busy timeout) instead of failing mid-way.
      this.connection.exec("BEGIN IMMEDIATE");
      for (const item of group) {
        this.connection.exec("SAVEPOINT command");
        try {
          const value = await item.work(this.executor);
          this.connection.exec("RELEASE command");
          settled.push(() => item.resolve(value));
        } catch (error) {
          this.connection.exec("ROLLBACK TO command");
          this.connection.exec("RELEASE command");
          settled.push(() => item.reject(error));
        }
      }
      this.connection.exec("COMMIT");
      this.stats.commits++;
      this.stats.transactions += group.length;
      for (const settle of settled) settle();
    } catch (error) {
      if (this.connection.inTransaction) this.connection.exec("ROLLBACK");
      for (const item of group) item.reject(error);
    } finally {
      this.running = false;
      if (this.pending.length > 0) this.schedule();
    }
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
