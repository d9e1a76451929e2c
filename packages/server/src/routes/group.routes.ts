import {
  BUILT_IN_ROLES,
  CreateGroupBody,
  GroupList,
  GroupView,
  RoleList,
  SlugParams,
  UpdateGroupBody,
} from "@flowdesk/core";
import { type ApiContext, recordAudit } from "../api/api-context.ts";
import { defineOperation, type Operation } from "../api/operation.ts";
import { conflict, notFound } from "../http/problem.ts";

const ROLE_DESCRIPTIONS: Record<string, string> = {
  admin: "Manages users, groups, template packs and sees the audit log.",
  "process-owner": "Designs and publishes workflows, forms and catalog items.",
  agent: "Works tasks and approvals for themselves and their groups.",
  requester: "Requests services from the catalog and follows their requests.",
};

export const groupOperations = (context: ApiContext): Operation[] => [
  defineOperation({
    operationId: "listGroups",
    method: "get",
    path: "/api/groups",
    summary: "List groups with their members",
    tag: "groups",
    responses: { "200": { description: "All groups.", schema: GroupList } },
    async handle() {
      const items = await context.store.transaction(async (tx) => {
        const groups = await tx.groups.list();
        const out = [];
        for (const group of groups) out.push({ ...group, members: await tx.groups.memberIds(group.id) });
        return out;
      });
      return { status: 200, body: { items } };
    },
  }),
  defineOperation({
    operationId: "createGroup",
    method: "post",
    path: "/api/groups",
    summary: "Create a group",
    tag: "groups",
    body: { schema: CreateGroupBody },
    responses: {
      "201": { description: "Created.", schema: GroupView },
      "409": { description: "The id is taken." },
    },
    async handle(call) {
      const input = call.body;
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
  }),
  defineOperation({
    operationId: "updateGroup",
    method: "patch",
    path: "/api/groups/:id",
    summary: "Rename or describe a group",
    tag: "groups",
    params: SlugParams,
    body: { schema: UpdateGroupBody },
    responses: {
      "200": { description: "The group.", schema: GroupView },
      "404": { description: "No such group." },
    },
    async handle(call) {
      const id = call.params.id;
      const change = call.body;
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
  }),
  defineOperation({
    operationId: "listRoles",
    method: "get",
    path: "/api/roles",
    summary: "The roles a user can hold",
    tag: "groups",
    responses: {
      "200": {
        description: "Built-in roles.",
        schema: RoleList,
      },
    },
    async handle() {
      const items = BUILT_IN_ROLES.map((id) => ({ id, description: ROLE_DESCRIPTIONS[id] ?? "" }));
      return { status: 200, body: { items } };
    },
  }),
];
