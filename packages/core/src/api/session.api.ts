import { type Static, Type } from "@sinclair/typebox";
import { Nullable, Strict } from "./common.api.ts";
import { UserView } from "./user.api.ts";

/** Who is signed in (null for a visitor) and the CSRF token state-changing requests send back. */
export const SessionView = Strict({ user: Nullable(UserView), csrfToken: Type.String() });
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

export const HealthView = Strict({ status: Type.Literal("ok") });
export type HealthView = Static<typeof HealthView>;
