import type { Catalog } from "./catalog.ts";

/* Messages of the admin screens. */
export const adminEn = {
  title: "admin",
} satisfies Catalog;
