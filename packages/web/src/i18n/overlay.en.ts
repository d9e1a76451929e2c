import type { Catalog } from "./catalog.ts";

/* Messages of the overlay screens. */
export const overlayEn = {
  title: "overlay",
} satisfies Catalog;
