/**
 * The narrow SQL surface the repositories use. Statements are written once with `?`
 * placeholders in the SQL both SQLite and PostgreSQL accept (RETURNING included), so
 * each repository has one query per operation, whatever the database.
 */
export type SqlRow = Record<string, unknown>;

export interface SqlExecutor {
  readonly dialect: "sqlite" | "postgres";
  all<T extends SqlRow = SqlRow>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs a statement without result rows; returns the number of rows changed. */
  run(sql: string, params?: readonly unknown[]): Promise<number>;
}

export interface Database {
  readonly dialect: "sqlite" | "postgres";
  transaction<T>(work: (sql: SqlExecutor) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Drivers reject `undefined`; SQL wants NULL. */
export const bindable = (params: readonly unknown[]): unknown[] =>
  params.map((value) => (value === undefined ? null : value));
