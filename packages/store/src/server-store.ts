import type { StoreTransaction } from "@flowdesk/engine";
import { groupRepository } from "./accounts/group.repository.ts";
import { sessionRepository } from "./accounts/session.repository.ts";
import { userRepository } from "./accounts/user.repository.ts";
import { auditRepository } from "./audit/audit.repository.ts";
import { configurationItemRepository } from "./configuration-items/configuration-item.repository.ts";
import type { Database, SqlExecutor } from "./connection/sql-executor.ts";
import { definitionSummaryRepository } from "./definitions/definition-summary.repository.ts";
import { historyPositionRepository } from "./history/history-position.repository.ts";
import { instanceListRepository } from "./instances/instance-list.repository.ts";
import { type OpenStoreOptions, openDatabase } from "./open-store.ts";
import { rateLimitRepository } from "./rate-limits/rate-limit.repository.ts";
import { requestRepository } from "./requests/request.repository.ts";
import { repositoriesFor, SqlStore } from "./store.ts";

/** The runtime's repositories plus the server's own, all bound to one transaction. */
export interface ServerTransaction extends StoreTransaction {
  users: ReturnType<typeof userRepository>;
  groups: ReturnType<typeof groupRepository>;
  sessions: ReturnType<typeof sessionRepository>;
  audit: ReturnType<typeof auditRepository>;
  configurationItems: ReturnType<typeof configurationItemRepository>;
  definitionSummaries: ReturnType<typeof definitionSummaryRepository>;
  rateLimits: ReturnType<typeof rateLimitRepository>;
  requests: ReturnType<typeof requestRepository>;
  instanceList: ReturnType<typeof instanceListRepository>;
  historyPosition: ReturnType<typeof historyPositionRepository>;
  /** For health checks and tests; repositories are the way to change data. */
  sql: SqlExecutor;
}

export const serverRepositoriesFor = (sql: SqlExecutor): ServerTransaction => ({
  ...repositoriesFor(sql),
  users: userRepository(sql),
  groups: groupRepository(sql),
  sessions: sessionRepository(sql),
  audit: auditRepository(sql),
  configurationItems: configurationItemRepository(sql),
  definitionSummaries: definitionSummaryRepository(sql),
  rateLimits: rateLimitRepository(sql),
  requests: requestRepository(sql),
  instanceList: instanceListRepository(sql),
  historyPosition: historyPositionRepository(sql),
  sql,
});

/**
 * The store the HTTP server uses: the same database as the runtime's SqlStore (which
 * it exposes as `runtime`), with account, session and audit repositories in the same
 * transactions, so an audited change and its audit row commit together.
 */
export class ServerStore {
  readonly runtime: SqlStore;
  readonly dialect: Database["dialect"];

  constructor(
    private readonly database: Database,
    readonly location: string,
  ) {
    this.runtime = new SqlStore(database, location);
    this.dialect = database.dialect;
  }

  transaction<T>(work: (tx: ServerTransaction) => Promise<T>): Promise<T> {
    return this.database.transaction((sql) => work(serverRepositoriesFor(sql)));
  }

  close(): Promise<void> {
    return this.database.close();
  }
}

/** Opens (and by default migrates) the database like openStore, for the server. */
export async function openServerStore(options: OpenStoreOptions = {}): Promise<ServerStore> {
  const { database, location } = await openDatabase(options);
  return new ServerStore(database, location);
}
