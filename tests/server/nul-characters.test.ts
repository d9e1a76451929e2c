import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  BACKENDS,
  type Client,
  createTestUser,
  databaseFingerprint,
  openTestApp,
  signIn,
  type TestApp,
  visitor,
} from "./support/test-app.ts";

interface ProblemBody {
  code: string;
  problems?: { code: string; pointer: string; message: string }[];
}

/** The field-level problem a NUL character gets: where it is, and what to do about it. */
const expectNulProblem = (response: { status: number; body: ProblemBody }, pointer: string) => {
  expect(response.status).toBe(400);
  expect(response.body.code).toBe("FD6001");
  expect(response.body.problems).toContainEqual(
    expect.objectContaining({
      code: "FD6001",
      pointer,
      message: expect.stringMatching(/NUL character.*remove it/),
    }),
  );
};

describe.each(BACKENDS)("NUL characters on $name", (backend) => {
  let t: TestApp;
  let admin: Client;

  beforeAll(async () => {
    t = await openTestApp(backend);
    await createTestUser(t.store, { username: "root", roles: ["admin"], groups: ["service-desk"] });
    admin = await signIn(t.app, "root");
  });
  afterAll(async () => t.close());

  it("refuses a user name holding NUL at sign-in, and writes nothing", async () => {
    // given a visitor
    const guest = await visitor(t.app);
    const before = await databaseFingerprint(t.store);
    // when they sign in as "ad\u0000min"
    const response = await guest.agent
      .post("/api/session")
      .set("X-CSRF-Token", guest.csrf)
      .send({ username: "ad\u0000min", password: "whatever it is" });
    // then
    expectNulProblem(response, "/username");
    expect(await databaseFingerprint(t.store)).toEqual(before);
  });

  it("refuses NUL in a directory search and in an audit filter", async () => {
    // when
    const search = await admin.agent.get("/api/directory/users?q=%00");
    const groups = await admin.agent.get("/api/directory/groups?q=desk%00");
    const audit = await admin.agent.get("/api/audit-log?actor=ro%00ot");
    // then
    expectNulProblem(search, "/query/q");
    expectNulProblem(groups, "/query/q");
    expectNulProblem(audit, "/query/actor");
  });

  it("refuses NUL in a group title or a field name, and writes nothing", async () => {
    // given
    const before = await databaseFingerprint(t.store);
    // when
    const created = await admin.agent
      .post("/api/groups")
      .set("X-CSRF-Token", admin.csrf)
      .send({ id: "nul-probe", title: "Service\u0000desk" });
    const renamed = await admin.agent
      .patch("/api/groups/service-desk")
      .set("X-CSRF-Token", admin.csrf)
      .send({ title: "\u0000" });
    const oddField = await admin.agent
      .post("/api/groups")
      .set("X-CSRF-Token", admin.csrf)
      .send({ id: "nul-probe", title: "Probe", "de\u0000scription": "x" });
    // then
    expectNulProblem(created, "/title");
    expectNulProblem(renamed, "/title");
    expectNulProblem(oddField, "/de\u0000scription");
    expect(await databaseFingerprint(t.store)).toEqual(before);
  });

  it("refuses NUL in a path parameter", async () => {
    // when
    const response = await admin.agent.get("/api/tasks/task%00one");
    // then
    expectNulProblem(response, "/params/id");
  });
});
