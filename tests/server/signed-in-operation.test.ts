import type { Request, Response } from "express";
import { describe, expect, it } from "vitest";
import { defineOperation, type OperationCall } from "../../packages/server/src/api/operation.ts";
import { HttpProblem } from "../../packages/server/src/http/problem.ts";
import type { SignedInUser } from "../../packages/server/src/security/request-auth.ts";

const callAs = (user: OperationCall["user"]): OperationCall => ({
  params: {},
  query: {},
  body: undefined,
  user,
  ip: "127.0.0.1",
  req: {} as Request,
  res: {} as Response,
});

const whoAmI = defineOperation({
  operationId: "whoAmI",
  method: "get",
  path: "/api/who-am-i",
  summary: "The caller's name",
  tag: "test",
  responses: { "200": { description: "The name." } },
  signedIn: true,
  async handle(call) {
    return { status: 200, body: { username: call.user.username } };
  },
});

describe("an operation that needs a signed-in caller", () => {
  it("hands the handler the signed-in user", async () => {
    // given a signed-in caller
    const user: SignedInUser = { id: "u1", username: "alice", displayName: "Alice", roles: [], groups: [] };

    // when the operation runs
    const result = await whoAmI.handle(callAs(user));

    // then the handler saw the user
    expect(result).toEqual({ status: 200, body: { username: "alice" } });
  });

  it("answers 401 without running the handler when nobody is signed in", async () => {
    // given no caller: the policy table was bypassed or misconfigured
    // when the operation runs
    const answer = whoAmI.handle(callAs(null));

    // then it refuses with 401 instead of trusting its type
    await expect(answer).rejects.toBeInstanceOf(HttpProblem);
    await expect(answer).rejects.toMatchObject({ status: 401 });
  });
});
