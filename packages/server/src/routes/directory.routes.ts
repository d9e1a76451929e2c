import type { ApiContext } from "../api/api-context.ts";
import type { Operation } from "../api/operation.ts";
import { itemsOf, SEARCH_QUERY } from "../api/shared-schemas.ts";

const DEFAULT_LIMIT = 20;

/** Lookup widgets (assignee pickers, "affected CI" fields) search these as the user types. */
export const directoryOperations = (context: ApiContext): Operation[] => [
  {
    operationId: "searchDirectoryUsers",
    method: "get",
    path: "/api/directory/users",
    summary: "Find enabled users by name",
    tag: "directory",
    query: SEARCH_QUERY,
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
      const q = (call.query.q as string | undefined) ?? "";
      const limit = (call.query.limit as number | undefined) ?? DEFAULT_LIMIT;
      const users = await context.store.transaction((tx) => tx.users.search(q, limit));
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
      const q = (call.query.q as string | undefined) ?? "";
      const limit = (call.query.limit as number | undefined) ?? DEFAULT_LIMIT;
      const groups = await context.store.transaction((tx) => tx.groups.search(q, limit));
      return { status: 200, body: { items: groups.map(({ id, title }) => ({ id, title })) } };
    },
  },
  {
    operationId: "searchConfigurationItems",
    method: "get",
    path: "/api/directory/configuration-items",
    summary: "Find configuration items (services, servers, devices) by name",
    tag: "directory",
    query: {
      ...SEARCH_QUERY,
      properties: {
        ...(SEARCH_QUERY.properties as object),
        ciClass: { type: "string", pattern: "^[a-z][a-z0-9-]{0,59}$" },
      },
    },
    responses: {
      "200": {
        description: "Matching configuration items.",
        schema: itemsOf({
          type: "object",
          properties: {
            id: { type: "string" },
            name: { type: "string" },
            ciClass: { type: "string" },
            status: { type: "string" },
            ownerGroup: { type: ["string", "null"] },
          },
        }),
      },
    },
    async handle(call) {
      const q = (call.query.q as string | undefined) ?? "";
      const limit = (call.query.limit as number | undefined) ?? DEFAULT_LIMIT;
      const ciClass = call.query.ciClass as string | undefined;
      const items = await context.store.transaction((tx) =>
        tx.configurationItems.search(q, ciClass === undefined ? {} : { ciClass }, limit),
      );
      return { status: 200, body: { items } };
    },
  },
];
