import type { Catalog } from "./catalog.ts";

/* Messages of the admin screens. */
export const adminZhCN = {
  title: "admin",
} satisfies Catalog;
