import type { JsonSchema } from "@flowdesk/core";
import type { ApiContext } from "../api/api-context.ts";
import type { Operation } from "../api/operation.ts";
import { ID_PATTERN, itemsOf, SEARCH_QUERY } from "../api/shared-schemas.ts";

const DEFAULT_LIMIT = 20;

/** The search query plus the filters a form's LookupSource may carry. */
const searchWith = (filters: Record<string, JsonSchema>): JsonSchema => ({
  ...SEARCH_QUERY,
  properties: { ...(SEARCH_QUERY.properties as object), ...filters },
});

const SLUG_FILTER: JsonSchema = { type: "string", pattern: ID_PATTERN };

const CONFIGURATION_ITEM_SCHEMA: JsonSchema = {
  type: "object",
  properties: {
    id: { type: "string" },
    name: { type: "string" },
    ciClass: { type: "string" },
    status: { type: "string" },
    ownerGroup: { type: ["string", "null"] },
  },
};

const textAndLimit = (query: Record<string, unknown>) => ({
  q: (query.q as string | undefined) ?? "",
  limit: (query.limit as number | undefined) ?? DEFAULT_LIMIT,
});

/** Lookup widgets (assignee pickers, "affected service" fields) search these as the user types. */
export const directoryOperations = (context: ApiContext): Operation[] => [
  {
    operationId: "searchDirectoryUsers",
    method: "get",
    path: "/api/directory/users",
    summary: "Find enabled users by name, optionally holding a role or in a group",
    tag: "directory",
    query: searchWith({ role: SLUG_FILTER, group: SLUG_FILTER }),
    responses: {
      "200": {
        description: "Matching users.",
        schema: itemsOf({
          type: "object",
          properties: {
            id: { type: "string" },
            username: { type: "string" },
            displayName: { type: "string" },
          },
        }),
      },
    },
    async handle(call) {
      const { q, limit } = textAndLimit(call.query);
      const filter = {
        ...(call.query.role === undefined ? {} : { role: String(call.query.role) }),
        ...(call.query.group === undefined ? {} : { group: String(call.query.group) }),
      };
      const users = await context.store.transaction((tx) => tx.users.search(q, filter, limit));
      const items = users.map(({ id, username, displayName }) => ({ id, username, displayName }));
      return { status: 200, body: { items } };
    },
  },
  {
    operationId: "searchDirectoryGroups",
    method: "get",
    path: "/api/directory/groups",
    summary: "Find groups by id or title",
    tag: "directory",
    query: SEARCH_QUERY,
    responses: {
      "200": {
        description: "Matching groups.",
        schema: itemsOf({
          type: "object",
          properties: { id: { type: "string" }, title: { type: "string" } },
        }),
      },
    },
    async handle(call) {
      const { q, limit } = textAndLimit(call.query);
      const groups = await context.store.transaction((tx) => tx.groups.search(q, limit));
      return { status: 200, body: { items: groups.map(({ id, title }) => ({ id, title })) } };
    },
  },
  {
    operationId: "searchConfigurationItems",
    method: "get",
    path: "/api/directory/configuration-items",
    summary: "Find configuration items (servers, devices, applications) by name",
    tag: "directory",
    query: searchWith({ ciClass: SLUG_FILTER, ownerGroup: SLUG_FILTER }),
    responses: {
      "200": { description: "Matching configuration items.", schema: itemsOf(CONFIGURATION_ITEM_SCHEMA) },
    },
    async handle(call) {
      const { q, limit } = textAndLimit(call.query);
      const filter = {
        ...(call.query.ciClass === undefined ? {} : { ciClass: String(call.query.ciClass) }),
        ...(call.query.ownerGroup === undefined ? {} : { ownerGroup: String(call.query.ownerGroup) }),
      };
      const items = await context.store.transaction((tx) => tx.configurationItems.search(q, filter, limit));
      return { status: 200, body: { items } };
    },
  },
  {
    operationId: "searchDirectoryServices",
    method: "get",
    path: "/api/directory/services",
    summary: "Find business services (configuration items of class service) by name",
    tag: "directory",
    query: searchWith({ ownerGroup: SLUG_FILTER }),
    responses: { "200": { description: "Matching services.", schema: itemsOf(CONFIGURATION_ITEM_SCHEMA) } },
    async handle(call) {
      const { q, limit } = textAndLimit(call.query);
      const filter = {
        ciClass: "service",
        ...(call.query.ownerGroup === undefined ? {} : { ownerGroup: String(call.query.ownerGroup) }),
      };
      const items = await context.store.transaction((tx) => tx.configurationItems.search(q, filter, limit));
      return { status: 200, body: { items } };
    },
  },
];
