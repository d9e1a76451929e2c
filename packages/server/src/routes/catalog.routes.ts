import type { CatalogCategory, CatalogItem, JsonSchema } from "@flowdesk/core";
import type { ApiContext } from "../api/api-context.ts";
import type { Operation } from "../api/operation.ts";
import { ID_PATTERN, itemsOf } from "../api/shared-schemas.ts";
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

const CATEGORY_SCHEMA: JsonSchema = {
  type: "object",
  properties: {
    id: { type: "string" },
    title: { type: "string" },
    description: { type: "string" },
    icon: { type: "string" },
    parent: { type: "string" },
    order: { type: "number" },
    version: { type: "integer" },
  },
};

const ITEM_SCHEMA: JsonSchema = {
  type: "object",
  properties: {
    id: { type: "string" },
    title: { type: "string" },
    description: { type: "string" },
    category: { type: "string" },
    form: { type: "string" },
    formVersion: {
      type: ["integer", "null"],
      description: "The form's newest published version: the one a new request is checked against.",
    },
    workflow: { type: "string" },
    icon: { type: "string" },
    tags: { type: "array", items: { type: "string" } },
    version: { type: "integer" },
  },
};

export const catalogOperations = (context: ApiContext): Operation[] => [
  {
    operationId: "listCatalogCategories",
    method: "get",
    path: "/api/catalog/categories",
    summary: "The published catalog categories",
    tag: "catalog",
    responses: {
      "200": { description: "Ordered by their order, then title.", schema: itemsOf(CATEGORY_SCHEMA) },
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
  },
  {
    operationId: "listCatalogItems",
    method: "get",
    path: "/api/catalog/items",
    summary: "The published catalog items the caller may request",
    tag: "catalog",
    query: {
      type: "object",
      properties: { category: { type: "string", pattern: ID_PATTERN } },
      additionalProperties: false,
    },
    responses: { "200": { description: "Items visible to the caller.", schema: itemsOf(ITEM_SCHEMA) } },
    async handle(call) {
      const user = call.user;
      const category = call.query.category as string | undefined;
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
  },
];
