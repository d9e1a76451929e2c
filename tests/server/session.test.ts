import { createApp } from "@flowdesk/server";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  BACKENDS,
  createTestUser,
  openTestApp,
  quietLogger,
  signedInUser,
  signIn,
  TEST_PASSWORD,
  type TestApp,
  visitor,
} from "./support/test-app.ts";

describe.each(BACKENDS)("sessions on $name", (backend) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await openTestApp(backend);
    await createTestUser(t.store, { username: "alice", roles: ["agent"], groups: ["service-desk"] });
    await createTestUser(t.store, { username: "mallory", roles: ["agent"], disabled: true });
  });
  afterAll(async () => t.close());

  it("signs in, reports the user, and signs out", async () => {
    // given a visitor with a CSRF token
    const client = await visitor(t.app);
    const anonymous = await client.agent.get("/api/session").expect(200);
    expect(anonymous.body.user).toBeNull();

    // when alice signs in
    const login = await client.agent
      .post("/api/session")
      .set("X-CSRF-Token", client.csrf)
      .send({ username: "alice", password: TEST_PASSWORD })
      .expect(200);

    // then the session cookie is httpOnly and SameSite=Lax, and the session names her
    const cookie = String(login.headers["set-cookie"]);
    expect(cookie).toMatch(/flowdesk_session=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(login.body.user).toMatchObject({ username: "alice", roles: ["agent"], groups: ["service-desk"] });
    expect(login.body.csrfToken).not.toBe(client.csrf);
    const session = await client.agent.get("/api/session").expect(200);
    expect(session.body.user.username).toBe("alice");
    expect(session.body.csrfToken).toBe(login.body.csrfToken);

    // when she signs out
    await client.agent.delete("/api/session").set("X-CSRF-Token", login.body.csrfToken).expect(204);

    // then the old cookie no longer names anyone
    const after = await client.agent.get("/api/session").expect(200);
    expect(after.body.user).toBeNull();
  });

  it("stores sessions by a hash of the cookie, never the cookie itself", async () => {
    // given a signed-in client
    const client = await signIn(t.app, "alice");
    const response = await client.agent.get("/api/session");
    expect(response.status).toBe(200);

    // when the sessions table is read
    const rows = await t.store.transaction((tx) => tx.sql.all("SELECT id_hash FROM sessions"));

    // then every stored id is a SHA-256 hex digest
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(String(row.id_hash)).toMatch(/^[0-9a-f]{64}$/);
  });

  it("refuses a wrong password and a disabled account with 401 problem+json", async () => {
    // given a visitor
    const client = await visitor(t.app);

    // when signing in with a wrong password, and as a disabled user
    const wrong = await client.agent
      .post("/api/session")
      .set("X-CSRF-Token", client.csrf)
      .send({ username: "alice", password: "not her password" });
    const disabled = await client.agent
      .post("/api/session")
      .set("X-CSRF-Token", client.csrf)
      .send({ username: "mallory", password: TEST_PASSWORD });

    // then both are 401 problems with the same message
    for (const response of [wrong, disabled]) {
      expect(response.status).toBe(401);
      expect(response.headers["content-type"]).toMatch(/application\/problem\+json/);
      expect(response.body.detail).toBe("Wrong user name or password.");
    }
  });

  it("refuses state-changing requests without the session's CSRF token", async () => {
    // given a signed-in client
    const client = await signIn(t.app, "alice");

    // when it signs out with no token, and with another session's token
    const other = await visitor(t.app);
    const missing = await client.agent.delete("/api/session");
    const foreign = await client.agent.delete("/api/session").set("X-CSRF-Token", other.csrf);

    // then both are 403 problems and the session survives
    for (const response of [missing, foreign]) {
      expect(response.status).toBe(403);
      expect(response.headers["content-type"]).toMatch(/application\/problem\+json/);
      expect(response.body.code).toBe("FD6031");
    }
    const session = await client.agent.get("/api/session").expect(200);
    expect(session.body.user.username).toBe("alice");
  });

  it("refuses sign-in without a CSRF token", async () => {
    // when a client without any session posts credentials
    const { agent } = await visitor(t.app);
    const response = await agent.post("/api/session").send({ username: "alice", password: TEST_PASSWORD });

    // then it is refused before the password is looked at
    expect(response.status).toBe(403);
  });

  it("answers 429 with Retry-After after 5 failed sign-ins for one user from one address", async () => {
    // given a fresh app, so earlier failures do not count
    const fresh = await openTestApp(backend);
    try {
      await createTestUser(fresh.store, { username: "bob", roles: ["requester"] });
      const client = await visitor(fresh.app);
      const attempt = () =>
        client.agent
          .post("/api/session")
          .set("X-CSRF-Token", client.csrf)
          .send({ username: "bob", password: "guess" });

      // when 5 sign-ins fail
      for (let index = 0; index < 5; index += 1) expect((await attempt()).status).toBe(401);

      // then the 6th is refused without checking the password, even the right one
      const limited = await client.agent
        .post("/api/session")
        .set("X-CSRF-Token", client.csrf)
        .send({ username: "bob", password: TEST_PASSWORD });
      expect(limited.status).toBe(429);
      expect(limited.headers["content-type"]).toMatch(/application\/problem\+json/);
      expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
      expect(limited.body.code).toBe("FD6290");

      // and another user from the same address is not affected
      await createTestUser(fresh.store, { username: "carol", roles: ["requester"] });
      const other = await client.agent
        .post("/api/session")
        .set("X-CSRF-Token", client.csrf)
        .send({ username: "carol", password: TEST_PASSWORD });
      expect(other.status).toBe(200);
    } finally {
      await fresh.close();
    }
  });

  it("records sign-ins and refusals in the audit log with the address", async () => {
    // given alice signed in once
    await signIn(t.app, "alice");

    // when the audit log is read
    const entries = await t.store.transaction((tx) => tx.audit.list({ limit: 100, offset: 0 }));

    // then it holds who, what and from where
    const created = entries.find((entry) => entry.action === "session.created" && entry.actor === "alice");
    expect(created?.ip).toBeTruthy();
    expect(entries.some((entry) => entry.action === "session.refused")).toBe(true);
  });

  it("counts failed sign-ins in the database, so two server processes share one limit", async () => {
    // given two apps (two processes) on one database
    const fresh = await openTestApp(backend);
    try {
      await createTestUser(fresh.store, { username: "dave", roles: ["requester"] });
      const second = createApp({ store: fresh.store, log: quietLogger }).app;
      const onFirst = await visitor(fresh.app);
      const onSecond = await visitor(second);
      const fail = (client: typeof onFirst) =>
        client.agent
          .post("/api/session")
          .set("X-CSRF-Token", client.csrf)
          .send({ username: "dave", password: "guess" });

      // when 3 attempts fail on one and 2 on the other
      for (let index = 0; index < 3; index += 1) expect((await fail(onFirst)).status).toBe(401);
      for (let index = 0; index < 2; index += 1) expect((await fail(onSecond)).status).toBe(401);

      // then the next attempt on either is refused, and the table holds no user name
      expect((await fail(onFirst)).status).toBe(429);
      const rows = await fresh.store.transaction((tx) => tx.sql.all("SELECT key FROM rate_limit_hits"));
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) expect(String(row.key)).toMatch(/^[0-9a-f]{64}$/);
    } finally {
      await fresh.close();
    }
  });

  it("limits how many visitor sessions one address can create", async () => {
    // given a fresh app
    const fresh = await openTestApp(backend);
    try {
      // when one address asks for 101 new sessions without keeping the cookie
      const statuses: number[] = [];
      for (let index = 0; index < 101; index += 1) {
        statuses.push((await request(fresh.app).get("/api/session")).status);
      }

      // then the first 100 are served and the next is refused
      expect(statuses.slice(0, 100).every((status) => status === 200)).toBe(true);
      expect(statuses[100]).toBe(429);
    } finally {
      await fresh.close();
    }
  });

  it("marks the session cookie Secure when the request came over HTTPS through a trusted proxy", async () => {
    // given an app that trusts its TLS-terminating proxy
    const fresh = await openTestApp(backend, { trustProxy: true });
    try {
      // when a request arrives that the proxy says was HTTPS, and one that was plain HTTP
      const overTls = await request(fresh.app)
        .get("/api/session")
        .set("X-Forwarded-Proto", "https")
        .expect(200);
      const plain = await request(fresh.app).get("/api/session").expect(200);

      // then only the first cookie is Secure
      expect(String(overTls.headers["set-cookie"])).toMatch(/; Secure/);
      expect(String(plain.headers["set-cookie"])).not.toMatch(/; Secure/);
    } finally {
      await fresh.close();
    }
  });

  it("lets a user change their own password with the current one, ending their other sessions", async () => {
    // given a user signed in twice
    const laptop = await signedInUser(t, { username: "paula", roles: ["requester"] });
    const phone = await signIn(t.app, "paula");

    // when she gives a wrong current password, then the right one
    const wrong = await laptop.agent
      .put("/api/session/password")
      .set("X-CSRF-Token", laptop.csrf)
      .send({ currentPassword: "not it", newPassword: "a brand new passphrase" });
    const changed = await laptop.agent
      .put("/api/session/password")
      .set("X-CSRF-Token", laptop.csrf)
      .send({ currentPassword: TEST_PASSWORD, newPassword: "a brand new passphrase" });

    // then only the second works; the laptop stays signed in, the phone is signed out, the new password works
    expect(wrong.status).toBe(401);
    expect(changed.status).toBe(204);
    expect((await laptop.agent.get("/api/session")).body.user?.username).toBe("paula");
    expect((await phone.agent.get("/api/session")).body.user).toBeNull();
    await signIn(t.app, "paula", "a brand new passphrase");
    await expect(signIn(t.app, "paula")).rejects.toThrow(/401/);
  });
});
