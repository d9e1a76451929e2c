import type { JsonSchema } from "@flowdesk/core";
import { BUILT_IN_ROLES } from "@flowdesk/core";
import { type ApiContext, recordAudit } from "../api/api-context.ts";
import type { Operation } from "../api/operation.ts";
import { ID_PATTERN, itemsOf, pathParams, SLUG_SCHEMA } from "../api/shared-schemas.ts";
import { conflict, notFound } from "../http/problem.ts";

const GROUP_SCHEMA: JsonSchema = {
  type: "object",
  required: ["id", "title"],
  properties: {
    id: { type: "string" },
    title: { type: "string" },
    description: { type: ["string", "null"] },
    members: { type: "array", items: { type: "string" } },
  },
};

const CREATE_GROUP_BODY: JsonSchema = {
  type: "object",
  required: ["id", "title"],
  properties: {
    id: { type: "string", pattern: ID_PATTERN },
    title: { type: "string", minLength: 1, maxLength: 200 },
    description: { type: "string", maxLength: 2000 },
  },
  additionalProperties: false,
};

const UPDATE_GROUP_BODY: JsonSchema = {
  type: "object",
  minProperties: 1,
  properties: {
    title: { type: "string", minLength: 1, maxLength: 200 },
    description: { type: ["string", "null"], maxLength: 2000 },
  },
  additionalProperties: false,
};

const ROLE_DESCRIPTIONS: Record<string, string> = {
  admin: "Manages users, groups, template packs and sees the audit log.",
  "process-owner": "Designs and publishes workflows, forms and catalog items.",
  agent: "Works tasks and approvals for themselves and their groups.",
  requester: "Requests services from the catalog and follows their requests.",
};

export const groupOperations = (context: ApiContext): Operation[] => [
  {
    operationId: "listGroups",
    method: "get",
    path: "/api/groups",
    summary: "List groups with their members",
    tag: "groups",
    responses: { "200": { description: "All groups.", schema: itemsOf(GROUP_SCHEMA) } },
    async handle() {
      const items = await context.store.transaction(async (tx) => {
        const groups = await tx.groups.list();
        const out = [];
        for (const group of groups) out.push({ ...group, members: await tx.groups.memberIds(group.id) });
        return out;
      });
      return { status: 200, body: { items } };
    },
  },
  {
    operationId: "createGroup",
    method: "post",
    path: "/api/groups",
    summary: "Create a group",
    tag: "groups",
    body: { schema: CREATE_GROUP_BODY },
    responses: {
      "201": { description: "Created.", schema: GROUP_SCHEMA },
      "409": { description: "The id is taken." },
    },
    async handle(call) {
      const input = call.body as { id: string; title: string; description?: string };
      const now = context.now();
      const group = { id: input.id, title: input.title, description: input.description ?? null };
      await context.store.transaction(async (tx) => {
        if ((await tx.groups.get(input.id)) !== undefined)
          throw conflict(`The group ${input.id} exists already.`);
        await tx.groups.insert(group, now.toISOString());
        await recordAudit(tx, call, now, {
          action: "group.created",
          targetType: "group",
          targetId: group.id,
        });
      });
      return {
        status: 201,
        body: { ...group, members: [] },
        headers: { Location: `/api/groups/${group.id}` },
      };
    },
  },
  {
    operationId: "updateGroup",
    method: "patch",
    path: "/api/groups/:id",
    summary: "Rename or describe a group",
    tag: "groups",
    params: pathParams({ id: SLUG_SCHEMA }),
    body: { schema: UPDATE_GROUP_BODY },
    responses: {
      "200": { description: "The group.", schema: GROUP_SCHEMA },
      "404": { description: "No such group." },
    },
    async handle(call) {
      const id = String(call.params.id);
      const change = call.body as { title?: string; description?: string | null };
      const now = context.now();
      const body = await context.store.transaction(async (tx) => {
        if (!(await tx.groups.update(id, change))) throw notFound(`There is no group ${id}.`);
        await recordAudit(tx, call, now, {
          action: "group.updated",
          targetType: "group",
          targetId: id,
          details: change,
        });
        const group = await tx.groups.get(id);
        return { ...group, members: await tx.groups.memberIds(id) };
      });
      return { status: 200, body };
    },
  },
  {
    operationId: "listRoles",
    method: "get",
    path: "/api/roles",
    summary: "The roles a user can hold",
    tag: "groups",
    responses: {
      "200": {
        description: "Built-in roles.",
        schema: itemsOf({
          type: "object",
          properties: { id: { type: "string" }, description: { type: "string" } },
        }),
      },
    },
    async handle() {
      const items = BUILT_IN_ROLES.map((id) => ({ id, description: ROLE_DESCRIPTIONS[id] ?? "" }));
      return { status: 200, body: { items } };
    },
  },
];
