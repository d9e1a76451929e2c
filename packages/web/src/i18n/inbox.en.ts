import type { Catalog } from "./catalog.ts";

/* Messages of the inbox screens. */
export const inboxEn = {
  title: "inbox",
} satisfies Catalog;
