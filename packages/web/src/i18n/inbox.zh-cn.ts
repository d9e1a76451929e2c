import type { Catalog } from "./catalog.ts";

/* Messages of the inbox screens. */
export const inboxZhCN = {
  title: "inbox",
} satisfies Catalog;
