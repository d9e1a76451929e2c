import { useLiveRefresh } from "../live/live-context.tsx";
import { useResource } from "../ui/use-resource.ts";
import { type CatalogCategory, type CatalogItem, portalApi } from "./portal-api.ts";

export interface Catalog {
  categories: CatalogCategory[];
  items: CatalogItem[];
}

/** The categories and the items the requester may ask for; a newly published item appears live. */
export const useCatalog = () => {
  const catalog = useResource<Catalog>(async (signal) => {
    const [categories, items] = await Promise.all([portalApi.categories(signal), portalApi.items(signal)]);
    return { categories: categories.items, items: items.items };
  }, "catalog");
  useLiveRefresh("definition.published", catalog.reload);
  return catalog;
};
