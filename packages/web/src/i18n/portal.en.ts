import type { Catalog } from "./catalog.ts";

/* Messages of the portal screens. */
export const portalEn = {
  title: "portal",
} satisfies Catalog;
