import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { importStarterPack } from "@flowdesk/server";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  BACKENDS,
  type Client,
  createTestUser,
  openTestApp,
  signedInUser,
  signIn,
  type TestApp,
} from "./support/test-app.ts";

const REPOSITORY_ROOT = resolve(import.meta.dirname, "../..");

describe.each(BACKENDS)("accounts, catalog and directory on $name", (backend) => {
  let t: TestApp;
  let admin: Client;

  beforeAll(async () => {
    t = await openTestApp(backend);
    await importStarterPack(t.store, { root: REPOSITORY_ROOT, now: new Date() });
    admin = await signedInUser(t, { username: "ada", roles: ["admin"] });
  });
  afterAll(async () => t.close());

  it("reports health and serves a valid-looking OpenAPI 3.1 document", async () => {
    // when
    const health = await request(t.app).get("/api/health").expect(200);
    const document = await request(t.app).get("/api/openapi.json").expect(200);

    // then
    expect(health.body).toEqual({ status: "ok" });
    expect(document.body.openapi).toBe("3.1.0");
    expect(
      document.body.paths["/api/workflows/{id}/draft"].put.requestBody.content["application/json"].schema,
    ).toMatchObject({
      required: ["id", "kind"],
    });
    expect(Object.keys(document.body.components.schemas)).toEqual(
      expect.arrayContaining(["Problem", "WorkflowDefinition", "FormDefinition", "CatalogItemDefinition"]),
    );
    expect(document.body.paths["/api/users"].get["x-flowdesk-policy"]).toEqual({ allow: ["admin"] });
  });

  it("creates users, changes their roles and groups, disables them, and audits every change", async () => {
    // given a group
    await admin.agent
      .post("/api/groups")
      .set("X-CSRF-Token", admin.csrf)
      .send({ id: "edge-network", title: "Edge network team" })
      .expect(201);

    // when a user is created, given roles and the group, then disabled
    const created = await admin.agent
      .post("/api/users")
      .set("X-CSRF-Token", admin.csrf)
      .send({
        username: "nina",
        displayName: "Nina Network",
        password: "a long passphrase here",
        roles: ["agent"],
      })
      .expect(201);
    const id = created.body.id as string;
    const nina = await signIn(t.app, "nina", "a long passphrase here");
    const updated = await admin.agent
      .patch(`/api/users/${id}`)
      .set("X-CSRF-Token", admin.csrf)
      .send({ roles: ["agent", "process-owner"], groups: ["edge-network"] })
      .expect(200);
    await admin.agent
      .patch(`/api/users/${id}`)
      .set("X-CSRF-Token", admin.csrf)
      .send({ disabled: true })
      .expect(200);

    // then the changes show, her sessions ended, and the audit log holds each step with the address
    expect(updated.body).toMatchObject({ roles: ["agent", "process-owner"], groups: ["edge-network"] });
    const session = await nina.agent.get("/api/session").expect(200);
    expect(session.body.user).toBeNull();
    const audit = await admin.agent.get("/api/audit-log?limit=10").expect(200);
    const actions = audit.body.items.map((entry: { action: string }) => entry.action);
    expect(actions).toEqual(
      expect.arrayContaining(["user.created", "user.updated", "user.disabled", "group.created"]),
    );
    expect(audit.body.items[0]).toMatchObject({ actor: "ada", action: "user.disabled", targetId: id });
    expect(audit.body.items[0].ip).toBeTruthy();
    expect(JSON.stringify(audit.body.items)).not.toContain("a long passphrase here");
  });

  it("refuses a taken user name with 409 and an unknown group with 400, writing nothing", async () => {
    // when
    const taken = await admin.agent
      .post("/api/users")
      .set("X-CSRF-Token", admin.csrf)
      .send({ username: "ada", displayName: "Another Ada", password: "a long passphrase here" });
    const unknownGroup = await admin.agent
      .post("/api/users")
      .set("X-CSRF-Token", admin.csrf)
      .send({
        username: "zed",
        displayName: "Zed",
        password: "a long passphrase here",
        groups: ["no-such-group"],
      });

    // then
    expect(taken.status).toBe(409);
    expect(unknownGroup.status).toBe(400);
    const users = await t.store.transaction((tx) => tx.users.findByUsername("zed"));
    expect(users).toBeUndefined();
  });

  it("pages the audit log", async () => {
    // when two pages of one entry are read
    const first = await admin.agent.get("/api/audit-log?limit=1&offset=0").expect(200);
    const second = await admin.agent.get("/api/audit-log?limit=1&offset=1").expect(200);

    // then they are consecutive entries, newest first
    expect(first.body.items).toHaveLength(1);
    expect(first.body.items[0].seq).toBeGreaterThan(second.body.items[0].seq);
    expect(first.body.total).toBeGreaterThan(2);
  });

  it("lists published catalog categories and only the items a user may request", async () => {
    // given a requester in no group
    const rita = await signedInUser(t, { username: "rita", roles: ["requester"] });

    // when the catalog is read by her and by an admin
    const categories = await rita.agent.get("/api/catalog/categories").expect(200);
    const hers = await rita.agent.get("/api/catalog/items").expect(200);
    const all = await admin.agent.get("/api/catalog/items").expect(200);

    // then categories come from the pack, and she sees the items open to her role or to everyone
    expect(categories.body.items.length).toBeGreaterThan(0);
    expect(hers.body.items.length).toBeGreaterThan(0);
    expect(all.body.items.length).toBeGreaterThanOrEqual(hers.body.items.length);
    const versions = await t.store.transaction((tx) =>
      tx.definitionSummaries.latestContentByKind("catalogItem"),
    );
    for (const item of hers.body.items as { id: string }[]) {
      const content = versions.find((version) => version.id === item.id)?.content as {
        visibleTo?: { roles?: string[]; groups?: string[] };
      };
      const open = content.visibleTo === undefined || (content.visibleTo.roles ?? []).includes("requester");
      expect(open, item.id).toBe(true);
    }
  });

  it("searches users, groups, services and configuration items for lookup widgets", async () => {
    // given an enabled agent in the edge-network group
    await createTestUser(t.store, { username: "eddie", roles: ["agent"], groups: ["edge-network"] });

    // when
    const users = await admin.agent.get("/api/directory/users?q=ada").expect(200);
    const groups = await admin.agent.get("/api/directory/groups?q=net").expect(200);
    const items = await admin.agent.get("/api/directory/configuration-items?q=vpn").expect(200);
    const servers = await admin.agent.get("/api/directory/configuration-items?q=&ciClass=server").expect(200);
    const wildcard = await admin.agent.get("/api/directory/users?q=%25").expect(200);
    const services = await admin.agent.get("/api/directory/services?q=net").expect(200);
    const agents = await admin.agent.get("/api/directory/users?role=agent").expect(200);
    const inGroup = await admin.agent.get("/api/directory/users?group=edge-network").expect(200);

    // then
    expect(users.body.items).toEqual([expect.objectContaining({ username: "ada" })]);
    expect(users.body.items[0].passwordHash).toBeUndefined();
    expect(groups.body.items.map((group: { id: string }) => group.id)).toContain("edge-network");
    expect(items.body.items).toEqual([
      expect.objectContaining({ id: "ci-vpn-gateway", ciClass: "network-device" }),
    ]);
    expect(servers.body.items.length).toBeGreaterThan(0);
    for (const item of servers.body.items) expect(item.ciClass).toBe("server");
    expect(wildcard.body.items).toEqual([]);
    expect(services.body.items).toEqual([expect.objectContaining({ id: "svc-network", ciClass: "service" })]);
    // nina (agent, edge-network) was disabled above; eddie is the enabled one
    expect(agents.body.items.map((user: { username: string }) => user.username)).toEqual(["eddie"]);
    expect(inGroup.body.items.map((user: { username: string }) => user.username)).toEqual(["eddie"]);
  });
});

describe("health and the web app", () => {
  it("answers 503 problem+json when the database is gone", async () => {
    // given an app whose database was closed
    const t = await openTestApp(BACKENDS[0] ?? { name: "sqlite" });
    await t.store.close();

    // when health is asked for, with and without a session cookie
    const response = await request(t.app).get("/api/health");
    const withCookie = await request(t.app).get("/api/health").set("Cookie", "flowdesk_session=some-session");

    // then both say the service is unavailable, as problem+json
    for (const answer of [response, withCookie]) {
      expect(answer.status).toBe(503);
      expect(answer.headers["content-type"]).toMatch(/application\/problem\+json/);
    }
    await t.close().catch(() => undefined);
  });

  it("serves a page on how to build the web app when it is not built, and the app when it is", async () => {
    // given an app without a built web app, and one with a dist folder
    const dist = mkdtempSync(join(tmpdir(), "flowdesk-web-"));
    writeFileSync(join(dist, "index.html"), "<!doctype html><title>Flowdesk app</title>");
    const unbuilt = await openTestApp(BACKENDS[0] ?? { name: "sqlite" }, { webRoot: join(dist, "missing") });
    const built = await openTestApp(BACKENDS[0] ?? { name: "sqlite" }, { webRoot: dist });
    try {
      // when
      const page = await request(unbuilt.app).get("/").expect(200);
      const app = await request(built.app).get("/inbox/tasks").expect(200);
      const api = await request(built.app).get("/api/nothing-here");

      // then
      expect(page.text).toContain("not built");
      expect(page.text).toContain("--filter @flowdesk/web build");
      expect(app.text).toContain("Flowdesk app");
      expect(api.status).toBe(404);
      expect(api.headers["content-type"]).toMatch(/application\/problem\+json/);
    } finally {
      await unbuilt.close();
      await built.close();
      rmSync(dist, { recursive: true, force: true });
    }
  });
});
