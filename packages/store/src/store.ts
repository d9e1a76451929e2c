import type { Store, StoreTransaction } from "@flowdesk/engine";
import type { Database, SqlExecutor } from "./connection/sql-executor.ts";
import { definitionRepository } from "./definitions/definition.repository.ts";
import { historyRepository } from "./history/history.repository.ts";
import { incidentRepository } from "./incidents/incident.repository.ts";
import { instanceRepository } from "./instances/instance.repository.ts";
import { jobRepository } from "./jobs/job.repository.ts";
import { outboxRepository } from "./outbox/outbox.repository.ts";
import { taskRepository } from "./tasks/task.repository.ts";

export const repositoriesFor = (sql: SqlExecutor): StoreTransaction => ({
  definitions: definitionRepository(sql),
  instances: instanceRepository(sql),
  tasks: taskRepository(sql),
  jobs: jobRepository(sql),
  history: historyRepository(sql),
  outbox: outboxRepository(sql),
  incidents: incidentRepository(sql),
});

/** The knex/SQL implementation of the runtime's Store port. */
export class SqlStore implements Store {
  readonly dialect: Store["dialect"];

  constructor(
    private readonly database: Database,
    /** Where the SQLite file lives, or the PostgreSQL URL; for logs and tools. */
    readonly location: string,
  ) {
    this.dialect = database.dialect;
  }

  private readonly repositories = new WeakMap<SqlExecutor, StoreTransaction>();

  transaction<T>(work: (tx: StoreTransaction) => Promise<T>): Promise<T> {
    return this.database.transaction((sql) => {
      // SQLite hands out the same executor every time; reuse its repositories.
      let tx = this.repositories.get(sql);
      if (tx === undefined) {
        tx = repositoriesFor(sql);
        this.repositories.set(sql, tx);
      }
      return work(tx);
    });
  }

  close(): Promise<void> {
    return this.database.close();
  }
}
