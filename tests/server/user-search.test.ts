import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BACKENDS, type Client, openTestApp, signedInUser, type TestApp } from "./support/test-app.ts";

describe.each(BACKENDS)("user list search on $name", (backend) => {
  let t: TestApp;
  let admin: Client;

  beforeAll(async () => {
    t = await openTestApp(backend);
    admin = await signedInUser(t, { username: "ada", roles: ["admin"] });
    // given three more accounts, one of them with an e-mail and one with a "_" in its name
    for (const [username, displayName, email] of [
      ["nina", "Nina Network", "nina@example.com"],
      ["omar_k", "Omar K", undefined],
      ["pia", "Pia Procurement", undefined],
    ] as const) {
      await admin.agent
        .post("/api/users")
        .set("X-CSRF-Token", admin.csrf)
        .send({ username, displayName, password: "a long passphrase here", ...(email ? { email } : {}) })
        .expect(201);
    }
  });
  afterAll(async () => t.close());

  it("finds users by part of the user name, the name or the e-mail, with a matching total", async () => {
    // when
    const byName = await admin.agent.get("/api/users?q=PROCUR").expect(200);
    const byEmail = await admin.agent.get("/api/users?q=example.com").expect(200);

    // then
    expect(byName.body.items.map((user: { username: string }) => user.username)).toEqual(["pia"]);
    expect(byName.body.total).toBe(1);
    expect(byEmail.body.items.map((user: { username: string }) => user.username)).toEqual(["nina"]);
  });

  it("treats _ and % as the characters themselves", async () => {
    // when
    const underscore = await admin.agent.get("/api/users?q=_").expect(200);
    const percent = await admin.agent.get("/api/users?q=%25").expect(200);

    // then
    expect(underscore.body.items.map((user: { username: string }) => user.username)).toEqual(["omar_k"]);
    expect(percent.body).toMatchObject({ items: [], total: 0 });
  });

  it("lists everyone when q is empty", async () => {
    // when
    const all = await admin.agent.get("/api/users?q=").expect(200);

    // then
    expect(all.body.total).toBe(4);
  });
});
