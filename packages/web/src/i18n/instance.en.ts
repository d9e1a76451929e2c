import type { Catalog } from "./catalog.ts";

/* Messages of the instance screens. */
export const instanceEn = {
  title: "instance",
} satisfies Catalog;
