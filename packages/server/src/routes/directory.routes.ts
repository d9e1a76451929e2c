import {
  ConfigurationItemList,
  ConfigurationItemQuery,
  DirectoryGroupList,
  DirectoryUserList,
  DirectoryUserQuery,
  SearchQuery,
  ServiceQuery,
} from "@flowdesk/core";
import type { ApiContext } from "../api/api-context.ts";
import { defineOperation, type Operation } from "../api/operation.ts";

const DEFAULT_LIMIT = 20;

const textAndLimit = (query: { q?: string; limit?: number }) => ({
  q: query.q ?? "",
  limit: query.limit ?? DEFAULT_LIMIT,
});

/** Lookup widgets (assignee pickers, "affected service" fields) search these as the user types. */
export const directoryOperations = (context: ApiContext): Operation[] => [
  defineOperation({
    operationId: "searchDirectoryUsers",
    method: "get",
    path: "/api/directory/users",
    summary: "Find enabled users by name, optionally holding a role or in a group",
    tag: "directory",
    query: DirectoryUserQuery,
    responses: {
      "200": {
        description: "Matching users.",
        schema: DirectoryUserList,
      },
    },
    async handle(call) {
      const { q, limit } = textAndLimit(call.query);
      const filter = {
        ...(call.query.role === undefined ? {} : { role: call.query.role }),
        ...(call.query.group === undefined ? {} : { group: call.query.group }),
      };
      const users = await context.store.transaction((tx) => tx.users.search(q, filter, limit));
      const items = users.map(({ id, username, displayName }) => ({ id, username, displayName }));
      return { status: 200, body: { items } };
    },
  }),
  defineOperation({
    operationId: "searchDirectoryGroups",
    method: "get",
    path: "/api/directory/groups",
    summary: "Find groups by id or title",
    tag: "directory",
    query: SearchQuery,
    responses: {
      "200": {
        description: "Matching groups.",
        schema: DirectoryGroupList,
      },
    },
    async handle(call) {
      const { q, limit } = textAndLimit(call.query);
      const groups = await context.store.transaction((tx) => tx.groups.search(q, limit));
      return { status: 200, body: { items: groups.map(({ id, title }) => ({ id, title })) } };
    },
  }),
  defineOperation({
    operationId: "searchConfigurationItems",
    method: "get",
    path: "/api/directory/configuration-items",
    summary: "Find configuration items (servers, devices, applications) by name",
    tag: "directory",
    query: ConfigurationItemQuery,
    responses: {
      "200": { description: "Matching configuration items.", schema: ConfigurationItemList },
    },
    async handle(call) {
      const { q, limit } = textAndLimit(call.query);
      const filter = {
        ...(call.query.ciClass === undefined ? {} : { ciClass: call.query.ciClass }),
        ...(call.query.ownerGroup === undefined ? {} : { ownerGroup: call.query.ownerGroup }),
      };
      const items = await context.store.transaction((tx) => tx.configurationItems.search(q, filter, limit));
      return { status: 200, body: { items } };
    },
  }),
  defineOperation({
    operationId: "searchDirectoryServices",
    method: "get",
    path: "/api/directory/services",
    summary: "Find business services (configuration items of class service) by name",
    tag: "directory",
    query: ServiceQuery,
    responses: { "200": { description: "Matching services.", schema: ConfigurationItemList } },
    async handle(call) {
      const { q, limit } = textAndLimit(call.query);
      const filter = {
        ciClass: "service",
        ...(call.query.ownerGroup === undefined ? {} : { ownerGroup: call.query.ownerGroup }),
      };
      const items = await context.store.transaction((tx) => tx.configurationItems.search(q, filter, limit));
      return { status: 200, body: { items } };
    },
  }),
];
