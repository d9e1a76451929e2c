import {
  ApiError,
  EMPTY_USER_DRAFT,
  serverFieldErrors,
  USER_PAGE_SIZE,
  userListPath,
  userPageCount,
  validateUserDraft,
} from "@flowdesk/web/admin-model";
import { describe, expect, it } from "vitest";

const valid = {
  ...EMPTY_USER_DRAFT,
  username: "nina.k",
  displayName: "Nina K",
  password: "twelve chars!",
  roles: ["agent"],
};

describe("user form validation", () => {
  it("accepts a complete new user", () => {
    // then
    expect(validateUserDraft(valid, "create")).toEqual({});
  });

  it("names each field that breaks the server's rules", () => {
    // given
    const draft = {
      ...valid,
      username: "Nina K",
      password: "short",
      displayName: " ",
      email: "nina@",
      roles: [],
    };

    // when
    const errors = validateUserDraft(draft, "create");

    // then
    expect(errors).toEqual({
      username: "usernamePattern",
      password: "passwordShort",
      displayName: "displayNameRequired",
      email: "emailFormat",
      roles: "rolesRequired",
    });
  });

  it("does not ask for a user name or password when editing", () => {
    // then
    expect(validateUserDraft({ ...valid, username: "", password: "" }, "edit")).toEqual({});
  });

  it("puts the server's problems on the fields they point at", () => {
    // given
    const refused = new ApiError(400, {
      detail: "The request is invalid.",
      problems: [
        {
          code: "FD6001",
          severity: "error",
          pointer: "/groups",
          message: "names a group that does not exist",
        },
        { code: "FD6001", severity: "error", pointer: "/roles/0", message: "must be a known role" },
      ],
    });
    const taken = new ApiError(409, { detail: "The user name nina.k is taken." });

    // then
    expect(serverFieldErrors(refused)).toEqual({
      fields: { groups: "names a group that does not exist", roles: "must be a known role" },
    });
    expect(serverFieldErrors(taken)).toEqual({ fields: { username: "The user name nina.k is taken." } });
  });
});

describe("user list query", () => {
  it("pages by the server's size and sends the searched text trimmed", () => {
    // when
    const first = userListPath("", 0);
    const third = userListPath("  nina k ", 2);

    // then
    expect(first).toBe(`/users?limit=${USER_PAGE_SIZE}&offset=0`);
    expect(third).toBe(`/users?limit=${USER_PAGE_SIZE}&offset=${2 * USER_PAGE_SIZE}&q=nina+k`);
    expect([0, USER_PAGE_SIZE, USER_PAGE_SIZE + 1].map(userPageCount)).toEqual([1, 1, 2]);
  });
});
