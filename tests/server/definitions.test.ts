import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BACKENDS, type Client, openTestApp, signedInUser, type TestApp } from "./support/test-app.ts";

const fixture = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(resolve(import.meta.dirname, "fixtures", name), "utf8")) as Record<string, unknown>;

describe.each(BACKENDS)("definition drafts and versions on $name", (backend) => {
  let t: TestApp;
  let owner: Client;

  beforeAll(async () => {
    t = await openTestApp(backend);
    owner = await signedInUser(t, { username: "olivia", roles: ["process-owner"] });
  });
  afterAll(async () => t.close());

  const put = (path: string, body: unknown) =>
    owner.agent
      .put(path)
      .set("X-CSRF-Token", owner.csrf)
      .send(body as object);
  const post = (path: string, body?: unknown) => {
    const call = owner.agent.post(path).set("X-CSRF-Token", owner.csrf);
    return body === undefined ? call : call.send(body as object);
  };

  it("saves a draft with errors, reports them, and blocks publishing with 422", async () => {
    // given a broken form saved as a draft
    const saved = await put("/api/forms/laptop-request/draft", fixture("broken.form.json")).expect(200);
    expect(saved.body.problems.some((problem: { code: string }) => problem.code === "FD1012")).toBe(true);

    // when publishing it
    const publish = await post("/api/forms/laptop-request/publish");

    // then it is refused with the same problems, and no version exists
    expect(publish.status).toBe(422);
    expect(publish.headers["content-type"]).toMatch(/application\/problem\+json/);
    expect(publish.body.problems.some((problem: { code: string }) => problem.code === "FD1012")).toBe(true);
    const versions = await owner.agent.get("/api/forms/laptop-request/versions").expect(200);
    expect(versions.body.items).toEqual([]);
  });

  it("validates without saving", async () => {
    // when a good and a broken form are validated
    const good = await post("/api/forms/laptop-request/validate", fixture("laptop-request.form.json")).expect(
      200,
    );
    const bad = await post("/api/forms/laptop-request/validate", fixture("broken.form.json")).expect(200);

    // then only the broken one has problems, and the stored draft is still the broken one
    expect(good.body.problems).toEqual([]);
    expect(bad.body.problems.length).toBeGreaterThan(0);
    const draft = await owner.agent.get("/api/forms/laptop-request/draft").expect(200);
    expect(draft.body.definition).toEqual(fixture("broken.form.json"));
  });

  it("publishes immutable, content-hashed versions and diffs them", async () => {
    // given a valid form published as version 1
    await put("/api/forms/laptop-request/draft", fixture("laptop-request.form.json")).expect(200);
    const v1 = await post("/api/forms/laptop-request/publish").expect(201);
    expect(v1.body).toMatchObject({ id: "laptop-request", version: 1 });
    expect(v1.body.contentHash).toMatch(/^[0-9a-f]{64}$/);

    // when a field is added, one changed, one removed, and it is published again
    const next = fixture("laptop-request.form.json");
    const schema = next.schema as { properties: Record<string, unknown>; required: string[] };
    schema.properties.costCentre = { type: "string", title: "Cost centre" };
    schema.properties.model = { type: "string", title: "Model", enum: ["standard", "developer", "designer"] };
    delete schema.properties.justification;
    await put("/api/forms/laptop-request/draft", next).expect(200);
    const v2 = await post("/api/forms/laptop-request/publish").expect(201);

    // then two versions exist, version 1 is unchanged, and the diff names the fields
    expect(v2.body.version).toBe(2);
    const versions = await owner.agent.get("/api/forms/laptop-request/versions").expect(200);
    expect(versions.body.items.map((item: { version: number }) => item.version)).toEqual([1, 2]);
    expect(versions.body.items[1].publishedBy).toBe("olivia");
    const first = await owner.agent.get("/api/forms/laptop-request/versions/1").expect(200);
    expect(first.body).toMatchObject({ version: 1, contentHash: v1.body.contentHash });
    expect(first.body.definition).toEqual(fixture("laptop-request.form.json"));
    const diff = await owner.agent.get("/api/forms/laptop-request/diff?from=1&to=2").expect(200);
    expect(diff.body).toEqual({
      added: { fields: ["costCentre"] },
      removed: { fields: ["justification"] },
      changed: { fields: ["model"] },
    });

    // and publishing the same content again makes no new version
    const again = await post("/api/forms/laptop-request/publish").expect(201);
    expect(again.body.version).toBe(2);
  });

  it("diffs workflow nodes and edges", async () => {
    // given a workflow published twice, the second time with a task in between
    const workflow = fixture("password-reset.workflow.json");
    await put("/api/workflows/password-reset/draft", workflow).expect(200);
    await post("/api/workflows/password-reset/publish").expect(201);
    const changed = structuredClone(workflow) as { nodes: unknown[]; edges: unknown[] };
    changed.nodes.splice(1, 0, { id: "reset", type: "set-data", name: "Reset", config: { assignments: [] } });
    changed.edges = [
      { id: "start-reset", source: "start", target: "reset" },
      { id: "reset-done", source: "reset", target: "done" },
    ];
    const saved = await put("/api/workflows/password-reset/draft", changed).expect(200);
    const publish = await post("/api/workflows/password-reset/publish");
    expect(publish.status, JSON.stringify(saved.body.problems)).toBe(201);

    // when the versions are compared
    const diff = await owner.agent.get("/api/workflows/password-reset/diff?from=1&to=2").expect(200);

    // then the added node and the replaced edges are named
    expect(diff.body.added).toEqual({ nodes: ["reset"], edges: ["reset-done", "start-reset"] });
    expect(diff.body.removed).toEqual({ nodes: [], edges: ["start-done"] });
    const list = await owner.agent.get("/api/workflows").expect(200);
    expect(list.body.items).toContainEqual(
      expect.objectContaining({ id: "password-reset", kind: "workflow", latestVersion: 2, hasDraft: true }),
    );
  });

  it("answers 409 when If-Match names an older draft, and changes nothing", async () => {
    // given the current draft and its ETag
    const current = await owner.agent.get("/api/forms/laptop-request/draft").expect(200);
    const etag = String(current.headers.etag);
    await put("/api/forms/laptop-request/draft", current.body.definition).set("If-Match", etag).expect(200);

    // when someone saves with the now stale ETag
    const stale = await put("/api/forms/laptop-request/draft", {
      ...current.body.definition,
      title: "Stale",
    }).set("If-Match", etag);

    // then it is a 409 problem and the draft keeps its title
    expect(stale.status).toBe(409);
    const after = await owner.agent.get("/api/forms/laptop-request/draft").expect(200);
    expect(after.body.definition.title).toBe("Request a laptop");
  });

  it("answers 404 for unknown ids and versions, 400 when the body's id differs from the path", async () => {
    // then
    await owner.agent.get("/api/forms/no-such-form/draft").expect(404);
    await owner.agent.get("/api/forms/no-such-form/versions").expect(404);
    await owner.agent.get("/api/forms/laptop-request/versions/99").expect(404);
    await owner.agent.get("/api/forms/laptop-request/diff?from=1&to=99").expect(404);
    await post("/api/forms/no-such-form/publish").expect(404);
    // a workflow id is not a form
    await owner.agent.get("/api/forms/password-reset/versions").expect(404);
    const mismatch = await put("/api/forms/other-form/draft", fixture("laptop-request.form.json"));
    expect(mismatch.status).toBe(400);
    expect(mismatch.body.problems[0].pointer).toBe("/id");
    const otherKind = await put("/api/forms/password-reset/draft", {
      ...fixture("laptop-request.form.json"),
      id: "password-reset",
    });
    expect(otherKind.status).toBe(409);
  });

  it("records drafts and publications in the audit log", async () => {
    // when the audit log is read
    const entries = await t.store.transaction((tx) => tx.audit.list({ limit: 200, offset: 0 }));

    // then each publication is there with who and what
    const published = entries.filter((entry) => entry.action === "definition.published");
    expect(
      published.map((entry) => `${entry.targetId}@${(entry.details as { version: number }).version}`).sort(),
    ).toEqual(["laptop-request@1", "laptop-request@2", "password-reset@1", "password-reset@2"]);
    expect(published.every((entry) => entry.actor === "olivia")).toBe(true);
  });
});
