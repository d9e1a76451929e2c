import { type Static, Type } from "@sinclair/typebox";
import { Nullable, Strict } from "./common.api.ts";

/** The signed-in user as a session knows them: who they are and what they may do. */
export const SessionUser = Strict({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  roles: Type.Array(Type.String()),
  groups: Type.Array(Type.String()),
});
export type SessionUser = Static<typeof SessionUser>;

/** Who is signed in (null for a visitor) and the CSRF token state-changing requests send back. */
export const SessionView = Strict({ user: Nullable(SessionUser), csrfToken: Type.String() });
export type SessionView = Static<typeof SessionView>;

export const SignInBody = Strict({
  username: Type.String({ minLength: 1, maxLength: 100 }),
  password: Type.String({ minLength: 1, maxLength: 1024 }),
});
export type SignInBody = Static<typeof SignInBody>;

export const ChangePasswordBody = Strict({
  currentPassword: Type.String({ minLength: 1, maxLength: 1024 }),
  newPassword: Type.String({ minLength: 12, maxLength: 256 }),
});
export type ChangePasswordBody = Static<typeof ChangePasswordBody>;
