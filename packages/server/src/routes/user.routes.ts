import { randomUUID } from "node:crypto";
import {
  CreateUserBody,
  RecordIdParams,
  UpdateUserBody,
  UserListQuery,
  UserPage,
  UserView,
} from "@flowdesk/core";
import type { ServerTransaction, UserRecord } from "@flowdesk/store";
import { type ApiContext, recordAudit } from "../api/api-context.ts";
import { defineOperation, type Operation } from "../api/operation.ts";
import { badRequest, conflict, HTTP_CODES, notFound } from "../http/problem.ts";
import { hashPassword } from "../security/password-hash.ts";
import { endLiveAccess } from "../security/session-revocation.ts";

const withAccess = async (tx: ServerTransaction, user: UserRecord) => ({
  id: user.id,
  username: user.username,
  displayName: user.displayName,
  email: user.email,
  disabled: user.disabled,
  roles: await tx.users.rolesOf(user.id),
  groups: await tx.users.groupsOf(user.id),
});

const requireKnownGroups = async (tx: ServerTransaction, groups: readonly string[] | undefined) => {
  if (groups === undefined || groups.length === 0) return;
  if ((await tx.groups.countExisting(groups)) !== new Set(groups).size) {
    throw badRequest("Some of these groups do not exist.", [
      {
        code: HTTP_CODES.invalidRequest,
        severity: "error",
        pointer: "/groups",
        message: "names a group that does not exist",
      },
    ]);
  }
};

export const userOperations = (context: ApiContext): Operation[] => [
  defineOperation({
    operationId: "listUsers",
    method: "get",
    path: "/api/users",
    summary: "List user accounts, optionally those whose user name, name or e-mail contains q",
    tag: "users",
    query: UserListQuery,
    responses: { "200": { description: "A page of users.", schema: UserPage } },
    async handle(call) {
      const limit = call.query.limit ?? 50;
      const offset = call.query.offset ?? 0;
      const text = (call.query.q ?? "").trim();
      const body = await context.store.transaction(async (tx) => {
        const users = await tx.users.list({ limit, offset }, { text });
        const items = [];
        for (const user of users) items.push(await withAccess(tx, user));
        return { items, total: await tx.users.count({ text }), limit, offset };
      });
      return { status: 200, body };
    },
  }),
  defineOperation({
    operationId: "createUser",
    method: "post",
    path: "/api/users",
    summary: "Create a local user account",
    tag: "users",
    body: { schema: CreateUserBody },
    responses: {
      "201": { description: "Created.", schema: UserView },
      "409": { description: "The user name is taken." },
    },
    async handle(call) {
      const input = call.body;
      const passwordHash = await hashPassword(input.password);
      const now = context.now().toISOString();
      const created = await context.store.transaction(async (tx) => {
        if ((await tx.users.findByUsername(input.username)) !== undefined) {
          throw conflict(`The user name ${input.username} is taken.`);
        }
        await requireKnownGroups(tx, input.groups);
        const user: UserRecord = {
          id: randomUUID(),
          username: input.username,
          displayName: input.displayName,
          email: input.email ?? null,
          disabled: false,
          createdAt: now,
          updatedAt: now,
        };
        await tx.users.insert({ ...user, passwordHash });
        await tx.users.setRoles(user.id, input.roles ?? ["requester"]);
        await tx.users.setGroups(user.id, input.groups ?? []);
        await recordAudit(tx, call, context.now(), {
          action: "user.created",
          targetType: "user",
          targetId: user.id,
          details: {
            username: user.username,
            roles: input.roles ?? ["requester"],
            groups: input.groups ?? [],
          },
        });
        return withAccess(tx, user);
      });
      return { status: 201, body: created, headers: { Location: `/api/users/${created.id}` } };
    },
  }),
  defineOperation({
    operationId: "getUser",
    method: "get",
    path: "/api/users/:id",
    summary: "Read one user account (admins, or the user themselves)",
    tag: "users",
    params: RecordIdParams,
    responses: {
      "200": { description: "The user.", schema: UserView },
      "404": { description: "No such user." },
    },
    async handle(call) {
      const id = call.params.id;
      const body = await context.store.transaction(async (tx) => {
        const user = await tx.users.get(id);
        return user === undefined ? undefined : withAccess(tx, user);
      });
      if (body === undefined) throw notFound(`There is no user ${id}.`);
      return { status: 200, body };
    },
  }),
  defineOperation({
    operationId: "updateUser",
    method: "patch",
    path: "/api/users/:id",
    summary: "Change a user's name, roles, groups or password, or disable the account",
    tag: "users",
    params: RecordIdParams,
    body: { schema: UpdateUserBody },
    responses: {
      "200": { description: "The changed user.", schema: UserView },
      "404": { description: "No such user." },
    },
    async handle(call) {
      const id = call.params.id;
      const change = call.body;
      if (
        call.user?.id === id &&
        (change.disabled === true || (change.roles && !change.roles.includes("admin")))
      ) {
        throw conflict("You cannot disable yourself or remove your own admin role.");
      }
      const passwordHash = change.password === undefined ? undefined : await hashPassword(change.password);
      const now = context.now();
      const body = await context.store.transaction(async (tx) => {
        const user = await tx.users.get(id);
        if (user === undefined) throw notFound(`There is no user ${id}.`);
        await requireKnownGroups(tx, change.groups);
        await tx.users.update(id, {
          ...(change.displayName === undefined ? {} : { displayName: change.displayName }),
          ...(change.email === undefined ? {} : { email: change.email }),
          ...(change.disabled === undefined ? {} : { disabled: change.disabled }),
          ...(passwordHash === undefined ? {} : { passwordHash }),
          at: now.toISOString(),
        });
        if (change.roles !== undefined) await tx.users.setRoles(id, change.roles);
        if (change.groups !== undefined) await tx.users.setGroups(id, change.groups);
        // A disabled account or a new password ends every session of that user at once.
        if (change.disabled === true || passwordHash !== undefined) await tx.sessions.deleteForUser(id);
        const { password: _secret, ...audited } = change;
        await recordAudit(tx, call, now, {
          action: change.disabled === true ? "user.disabled" : "user.updated",
          targetType: "user",
          targetId: id,
          details: { ...audited, ...(passwordHash === undefined ? {} : { passwordChanged: true }) },
        });
        const updated = await tx.users.get(id);
        return withAccess(tx, updated ?? user);
      });
      // Live sockets got their rooms from the old roles and groups (or belong to ended sessions):
      // end them; the client reconnects with what the user may see now.
      if (
        change.roles !== undefined ||
        change.groups !== undefined ||
        change.disabled === true ||
        passwordHash !== undefined
      ) {
        endLiveAccess(context.store, { userId: id });
      }
      return { status: 200, body };
    },
  }),
];
