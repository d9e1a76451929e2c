import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  BACKENDS,
  type Client,
  createTestUser,
  openTestApp,
  signIn,
  type TestApp,
} from "./support/test-app.ts";

/** JSON values a caller might send where no body belongs; each is a body all the same. */
const STRAY_BODIES = ["[]", "{}", "[1]", '{"reason":"x"}', "null", "0", '""', "false"];

describe.each(BACKENDS)("operations that take no body on $name", (backend) => {
  let t: TestApp;
  let agent: Client;

  beforeAll(async () => {
    t = await openTestApp(backend);
    await createTestUser(t.store, { username: "ada", roles: ["agent"], groups: ["service-desk"] });
    agent = await signIn(t.app, "ada");
  });
  afterAll(async () => t.close());

  it("refuses any JSON value as a 400 problem, before acting", async () => {
    for (const body of STRAY_BODIES) {
      // when the agent signs out, or claims a task, sending a body
      const signOut = await agent.agent
        .delete("/api/session")
        .set("X-CSRF-Token", agent.csrf)
        .set("Content-Type", "application/json")
        .send(body);
      const claim = await agent.agent
        .post("/api/tasks/no-such-task/claim")
        .set("X-CSRF-Token", agent.csrf)
        .set("Content-Type", "application/json")
        .send(body);
      // then both are refused as bad requests, not carried out (a claim would answer 404)
      expect(signOut.status, body).toBe(400);
      expect(signOut.headers["content-type"]).toMatch(/application\/problem\+json/);
      expect(claim.status, body).toBe(400);
    }
    // and the explicit empty object and list say what is wrong
    const list = await agent.agent
      .delete("/api/session")
      .set("X-CSRF-Token", agent.csrf)
      .set("Content-Type", "application/json")
      .send("[]");
    expect(list.body.problems).toEqual([
      expect.objectContaining({ code: "FD6001", pointer: "", message: "this operation takes no body" }),
    ]);
    // and the agent is still signed in
    const session = await agent.agent.get("/api/session").expect(200);
    expect(session.body.user).toMatchObject({ username: "ada" });
  });

  it("accepts no body at all, or an empty one", async () => {
    // when
    const bare = await agent.agent.post("/api/tasks/no-such-task/claim").set("X-CSRF-Token", agent.csrf);
    const empty = await agent.agent
      .post("/api/tasks/no-such-task/claim")
      .set("X-CSRF-Token", agent.csrf)
      .set("Content-Type", "application/json")
      .send("");
    const signOut = await agent.agent.delete("/api/session").set("X-CSRF-Token", agent.csrf);
    // then the operations ran: no such task, and signed out
    expect(bare.status).toBe(404);
    expect(empty.status).toBe(404);
    expect(signOut.status).toBe(204);
    const session = await agent.agent.get("/api/session").expect(200);
    expect(session.body.user).toBeNull();
  });
});
