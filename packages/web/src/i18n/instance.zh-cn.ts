import type { Catalog } from "./catalog.ts";

/* Messages of the instance screens. */
export const instanceZhCN = {
  title: "instance",
} satisfies Catalog;
