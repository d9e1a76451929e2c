import {
  type CatalogCategory,
  CatalogCategoryList,
  type CatalogItem,
  CatalogItemList,
  CatalogItemQuery,
} from "@flowdesk/core";
import type { ApiContext } from "../api/api-context.ts";
import { defineOperation, type Operation } from "../api/operation.ts";
import type { SignedInUser } from "../security/request-auth.ts";

/** Absent visibleTo = every signed-in user; otherwise a matching role or group. Admins see everything. */
export const mayRequest = (item: CatalogItem, user: SignedInUser): boolean => {
  if (user.roles.includes("admin")) return true;
  const visibleTo = item.visibleTo;
  if (visibleTo === undefined) return true;
  const byRole = (visibleTo.roles ?? []).some((role) => user.roles.includes(role));
  const byGroup = (visibleTo.groups ?? []).some((group) => user.groups.includes(group));
  return byRole || byGroup;
};

export const catalogOperations = (context: ApiContext): Operation[] => [
  defineOperation({
    operationId: "listCatalogCategories",
    method: "get",
    path: "/api/catalog/categories",
    summary: "The published catalog categories",
    tag: "catalog",
    responses: {
      "200": { description: "Ordered by their order, then title.", schema: CatalogCategoryList },
    },
    async handle() {
      const published = await context.store.transaction((tx) =>
        tx.definitionSummaries.latestContentByKind("catalogCategory"),
      );
      const items = published
        .map(({ content, version }) => {
          const category = content as CatalogCategory;
          return {
            id: category.id,
            title: category.title,
            ...(category.description === undefined ? {} : { description: category.description }),
            ...(category.icon === undefined ? {} : { icon: category.icon }),
            ...(category.parent === undefined ? {} : { parent: category.parent }),
            order: category.order ?? 0,
            version,
          };
        })
        .sort((a, b) => a.order - b.order || a.title.localeCompare(b.title));
      return { status: 200, body: { items } };
    },
  }),
  defineOperation({
    operationId: "listCatalogItems",
    method: "get",
    path: "/api/catalog/items",
    summary: "The published catalog items the caller may request",
    tag: "catalog",
    query: CatalogItemQuery,
    responses: { "200": { description: "Items visible to the caller.", schema: CatalogItemList } },
    async handle(call) {
      const user = call.user;
      const category = call.query.category;
      const published = await context.store.transaction(async (tx) => {
        const visible = (await tx.definitionSummaries.latestContentByKind("catalogItem"))
          .map(({ content, version }) => ({ item: content as CatalogItem, version }))
          .filter(({ item }) => user !== null && mayRequest(item, user))
          .filter(({ item }) => category === undefined || item.category === category);
        // Requesters may read a form version but not list versions, so the item names the one to load.
        return Promise.all(
          visible.map(async (entry) => ({
            ...entry,
            formVersion: (await tx.definitions.latestVersion(entry.item.form))?.version ?? null,
          })),
        );
      });
      const items = published
        .map(({ item, version, formVersion }) => ({
          id: item.id,
          title: item.title,
          ...(item.description === undefined ? {} : { description: item.description }),
          category: item.category,
          form: item.form,
          formVersion,
          workflow: item.workflow,
          ...(item.icon === undefined ? {} : { icon: item.icon }),
          tags: item.tags ?? [],
          version,
        }))
        .sort((a, b) => a.title.localeCompare(b.title));
      return { status: 200, body: { items } };
    },
  }),
];
