import type { Catalog } from "./catalog.ts";

/* Messages of the portal screens. */
export const portalZhCN = {
  title: "portal",
} satisfies Catalog;
