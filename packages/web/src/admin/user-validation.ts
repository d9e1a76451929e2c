import type { Problem } from "@flowdesk/core";
import { ApiError } from "../api/api-error.ts";

/* The user form's rules: the same as the server's request schema, said next to each field. */

export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{1,63}$/;
export const MIN_PASSWORD_LENGTH = 12;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export type UserField = "username" | "displayName" | "email" | "password" | "roles" | "groups";

export interface UserDraft {
  username: string;
  displayName: string;
  email: string;
  password: string;
  roles: string[];
  groups: string[];
}

export const EMPTY_USER_DRAFT: UserDraft = {
  username: "",
  displayName: "",
  email: "",
  password: "",
  roles: ["requester"],
  groups: [],
};

/** i18n keys (under admin.users.errors) by field; empty when the draft may be sent. */
export type FieldErrors = Partial<Record<UserField, string>>;

export const checkPassword = (password: string): string | undefined =>
  password.length < MIN_PASSWORD_LENGTH
    ? "passwordShort"
    : password.length > 256
      ? "passwordLong"
      : undefined;

export const validateUserDraft = (draft: UserDraft, mode: "create" | "edit"): FieldErrors => {
  const errors: FieldErrors = {};
  if (mode === "create") {
    if (draft.username === "") errors.username = "usernameRequired";
    else if (!USERNAME_PATTERN.test(draft.username)) errors.username = "usernamePattern";
    const password = checkPassword(draft.password);
    if (password) errors.password = password;
  }
  if (draft.displayName.trim() === "") errors.displayName = "displayNameRequired";
  if (draft.email.trim() !== "" && !EMAIL.test(draft.email.trim())) errors.email = "emailFormat";
  if (draft.roles.length === 0) errors.roles = "rolesRequired";
  return errors;
};

const FIELDS: readonly UserField[] = ["username", "displayName", "email", "password", "roles", "groups"];

/**
 * The server's refusal placed on the fields it names: problems point at /username, /roles/0…;
 * a taken user name is a 409. What names no field comes back as `general`.
 */
export const serverFieldErrors = (
  error: unknown,
): { fields: Partial<Record<UserField, string>>; general?: string } => {
  if (!(error instanceof ApiError))
    return { fields: {}, general: error instanceof Error ? error.message : String(error) };
  if (error.status === 409 && /user name/i.test(error.message))
    return { fields: { username: error.message } };
  const fields: Partial<Record<UserField, string>> = {};
  const rest: Problem[] = [];
  for (const problem of error.problems) {
    const field = FIELDS.find(
      (name) => problem.pointer === `/${name}` || problem.pointer.startsWith(`/${name}/`),
    );
    if (field) fields[field] = fields[field] ? `${fields[field]} ${problem.message}` : problem.message;
    else rest.push(problem);
  }
  const general =
    rest.length > 0
      ? rest.map((problem) => problem.message).join(" ")
      : Object.keys(fields).length === 0
        ? error.message
        : undefined;
  return general === undefined ? { fields } : { fields, general };
};
