import { type Static, Type } from "@sinclair/typebox";
import { ID_PATTERN, Items, Nullable, Strict } from "./common.api.ts";

/** A group (a queue tasks can wait in) with its members' user ids. */
export const GroupView = Strict({
  id: Type.String(),
  title: Type.String(),
  description: Nullable(Type.String()),
  members: Type.Array(Type.String()),
});
export type GroupView = Static<typeof GroupView>;

export const GroupList = Items(GroupView);
export type GroupList = Static<typeof GroupList>;

export const CreateGroupBody = Strict({
  id: Type.String({ pattern: ID_PATTERN }),
  title: Type.String({ minLength: 1, maxLength: 200 }),
  description: Type.Optional(Type.String({ maxLength: 2000 })),
});
export type CreateGroupBody = Static<typeof CreateGroupBody>;

export const UpdateGroupBody = Type.Object(
  {
    title: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    description: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateGroupBody = Static<typeof UpdateGroupBody>;

export const RoleView = Strict({ id: Type.String(), description: Type.String() });
export type RoleView = Static<typeof RoleView>;

export const RoleList = Items(RoleView);
export type RoleList = Static<typeof RoleList>;
