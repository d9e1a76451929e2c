import { type Static, Type } from "@sinclair/typebox";
import { BUILT_IN_ROLES } from "../definitions/directory.ts";
import { CountedPage, ID_PATTERN, Nullable, PAGING, Strict } from "./common.api.ts";

/** The built-in roles; the server's policy table refers to them by these names. */
export const RoleName = Type.Union([
  Type.Literal("admin"),
  Type.Literal("process-owner"),
  Type.Literal("agent"),
  Type.Literal("requester"),
]);
export type RoleName = Static<typeof RoleName>;

/** Narrows role names chosen in a form to the built-in roles (anything else is dropped). */
export const builtInRoles = (roles: readonly string[]): RoleName[] =>
  roles.filter((role): role is RoleName => (BUILT_IN_ROLES as readonly string[]).includes(role));

/** A user account with what it may do: its roles and groups (never its password hash). */
export const UserView = Strict({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  email: Nullable(Type.String()),
  disabled: Type.Boolean(),
  roles: Type.Array(Type.String()),
  groups: Type.Array(Type.String()),
});
export type UserView = Static<typeof UserView>;

export const UserPage = CountedPage(UserView);
export type UserPage = Static<typeof UserPage>;

const ROLE_LIST = Type.Array(RoleName, { maxItems: 20, uniqueItems: true });
const GROUP_LIST = Type.Array(Type.String({ pattern: ID_PATTERN }), { maxItems: 200, uniqueItems: true });

/** OWASP: at least 12 characters without other composition rules; a cap keeps hashing bounded. */
export const Password = Type.String({ minLength: 12, maxLength: 256 });

export const CreateUserBody = Strict({
  username: Type.String({ pattern: "^[a-z0-9][a-z0-9._-]{1,63}$" }),
  displayName: Type.String({ minLength: 1, maxLength: 200 }),
  email: Type.Optional(Type.String({ format: "email", maxLength: 320 })),
  password: Password,
  roles: Type.Optional(ROLE_LIST),
  groups: Type.Optional(GROUP_LIST),
});
export type CreateUserBody = Static<typeof CreateUserBody>;

export const UpdateUserBody = Type.Object(
  {
    displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    email: Type.Optional(Nullable(Type.String({ format: "email", maxLength: 320 }))),
    disabled: Type.Optional(Type.Boolean()),
    password: Type.Optional(Password),
    roles: Type.Optional(ROLE_LIST),
    groups: Type.Optional(GROUP_LIST),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateUserBody = Static<typeof UpdateUserBody>;

export const UserListQuery = Strict({
  ...PAGING,
  q: Type.Optional(
    Type.String({ maxLength: 100, description: "Text the user name, name or e-mail contains." }),
  ),
});
export type UserListQuery = Static<typeof UserListQuery>;
