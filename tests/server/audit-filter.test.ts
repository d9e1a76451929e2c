import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BACKENDS, type Client, openTestApp, signedInUser, type TestApp } from "./support/test-app.ts";

interface Entry {
  actor: string | null;
  action: string;
  at: string;
}

describe.each(BACKENDS)("audit log filters on $name", (backend) => {
  let t: TestApp;
  let admin: Client;
  let before: string;

  beforeAll(async () => {
    t = await openTestApp(backend);
    admin = await signedInUser(t, { username: "ada", roles: ["admin"] });
    before = new Date(Date.now() - 60_000).toISOString();
    // given a user, a group and a change to the user, all by ada
    const user = await admin.agent
      .post("/api/users")
      .set("X-CSRF-Token", admin.csrf)
      .send({ username: "ivo", displayName: "Ivo", password: "a long passphrase here" })
      .expect(201);
    await admin.agent
      .post("/api/groups")
      .set("X-CSRF-Token", admin.csrf)
      .send({ id: "field-service", title: "Field service" })
      .expect(201);
    await admin.agent
      .patch(`/api/users/${user.body.id}`)
      .set("X-CSRF-Token", admin.csrf)
      .send({ disabled: true })
      .expect(200);
  });
  afterAll(async () => t.close());

  it("finds the entries of one action family, newest first, with a matching total", async () => {
    // when
    const page = await admin.agent.get("/api/audit-log?action=user.").expect(200);

    // then
    const actions = (page.body.items as Entry[]).map((entry) => entry.action);
    expect(actions).toEqual(["user.disabled", "user.created"]);
    expect(page.body.total).toBe(2);
  });

  it("finds the entries of one actor and none of someone else", async () => {
    // when
    const ada = await admin.agent.get("/api/audit-log?actor=ada").expect(200);
    const nobody = await admin.agent.get("/api/audit-log?actor=ivo").expect(200);

    // then
    expect((ada.body.items as Entry[]).every((entry) => entry.actor === "ada")).toBe(true);
    expect(ada.body.total).toBeGreaterThanOrEqual(3);
    expect(nobody.body).toMatchObject({ items: [], total: 0 });
  });

  it("keeps entries inside a time range, start included and end excluded", async () => {
    // given
    const later = new Date(Date.now() + 60_000).toISOString();

    // when
    const inside = await admin.agent
      .get(`/api/audit-log?from=${before}&to=${later}&action=group.`)
      .expect(200);
    const afterwards = await admin.agent.get(`/api/audit-log?from=${encodeURIComponent(later)}`).expect(200);

    // then
    expect((inside.body.items as Entry[]).map((entry) => entry.action)).toEqual(["group.created"]);
    expect(afterwards.body.total).toBe(0);
  });

  it("refuses a time that is not an instant with a 400 naming the parameter", async () => {
    // when
    const bad = await admin.agent.get("/api/audit-log?from=yesterday").expect(400);

    // then
    expect(bad.body.problems[0].pointer).toBe("/query/from");
  });
});
