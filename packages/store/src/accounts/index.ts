export type * from "./account-records.ts";
export {
  openServerStore,
  ServerStore,
  type ServerTransaction,
  serverRepositoriesFor,
} from "./server-store.ts";
