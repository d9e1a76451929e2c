import type { Catalog } from "./catalog.ts";

/* Messages of the overlay screens. */
export const overlayZhCN = {
  title: "overlay",
} satisfies Catalog;
