export type * from "./account-records.ts";
export type { InstanceSummary } from "./instance-list.repository.ts";
export type { RequestRecord, RequestSummary } from "./request.repository.ts";
export {
  openServerStore,
  ServerStore,
  type ServerTransaction,
  serverRepositoriesFor,
} from "./server-store.ts";
