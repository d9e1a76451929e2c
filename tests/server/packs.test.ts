import { assemblePack, type TemplatePack } from "@flowdesk/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { starterPackFiles } from "../packs/starter-pack.ts";
import {
  BACKENDS,
  type Client,
  databaseFingerprint,
  openTestApp,
  signedInUser,
  type TestApp,
} from "./support/test-app.ts";

const starterPack = (version: string): TemplatePack =>
  assemblePack(
    { id: "itil-starter", version, title: "ITIL starter pack" },
    starterPackFiles().map((file) => file.document),
  );

interface PreviewEntry {
  kind: string;
  id: string;
  change: "added" | "changed" | "unchanged";
}

describe.each(BACKENDS)("template packs over the API on $name", (backend) => {
  let t: TestApp;
  let admin: Client;

  beforeAll(async () => {
    t = await openTestApp(backend);
    admin = await signedInUser(t, { username: "ada", roles: ["admin"] });
  });
  afterAll(async () => t.close());

  const post = (path: string, body: object) =>
    admin.agent.post(path).set("X-CSRF-Token", admin.csrf).set("Content-Type", "application/json").send(body);

  it("previews an upload without changing anything, then imports it all at once", async () => {
    // given an empty installation and the starter pack
    const pack = starterPack("1.0.0");
    const before = await databaseFingerprint(t.store);

    // when the admin previews it
    const preview = await post("/api/packs/preview", pack).expect(200);

    // then every definition would be added, and nothing changed yet
    const entries = preview.body.entries as PreviewEntry[];
    expect(entries.length).toBe(starterPackFiles().length);
    expect(new Set(entries.map((entry) => entry.change))).toEqual(new Set(["added"]));
    expect(await databaseFingerprint(t.store)).toEqual(before);

    // when it is imported
    const imported = await post("/api/packs/import", pack).expect(200);

    // then each definition got version 1
    expect(imported.body.published).toHaveLength(entries.length);
    expect(imported.body.published.every((entry: { version: number }) => entry.version === 1)).toBe(true);
  });

  it("shows a second import of the same pack as unchanged and changes nothing", async () => {
    // given the pack already imported
    const before = await databaseFingerprint(t.store);

    // when it is imported again
    const again = await post("/api/packs/import", starterPack("1.0.0")).expect(200);

    // then
    expect(again.body.published).toEqual([]);
    expect(new Set((again.body.preview.entries as PreviewEntry[]).map((entry) => entry.change))).toEqual(
      new Set(["unchanged"]),
    );
    expect(await databaseFingerprint(t.store)).toEqual(before);
  });

  it("exports the installation as a pack holding the same definitions", async () => {
    // when
    const exported = await admin.agent.get("/api/packs/export?id=itil-starter&version=1.0.0").expect(200);

    // then
    expect(exported.headers["content-disposition"]).toContain("itil-starter-1.0.0.pack.json");
    const expected = JSON.parse(JSON.stringify(starterPack("1.0.0"))) as TemplatePack;
    expect(exported.body.manifest).toMatchObject({ id: "itil-starter", version: "1.0.0" });
    expect(exported.body.contents).toEqual(expected.contents);
  });

  it("refuses a broken pack whole, listing every problem, and changes nothing", async () => {
    // given a pack whose catalog item names a missing form and whose workflow lost its start
    const pack = starterPack("2.0.0");
    const item = pack.contents.catalogItems?.[0];
    const workflow = pack.contents.workflows?.[0];
    if (!item || !workflow) throw new Error("the starter pack has catalog items and workflows");
    item.form = "no-such-form";
    workflow.nodes = workflow.nodes.filter((node) => node.type !== "start");
    const before = await databaseFingerprint(t.store);

    // when it is previewed and imported
    const preview = await post("/api/packs/preview", pack);
    const imported = await post("/api/packs/import", pack);

    // then both are 422 problem documents naming both problems
    for (const response of [preview, imported]) {
      expect(response.status).toBe(422);
      expect(response.headers["content-type"]).toMatch(/application\/problem\+json/);
      const pointers = (response.body.problems as { pointer: string }[]).map((problem) => problem.pointer);
      expect(pointers.some((pointer) => pointer.includes("/catalogItems/0/form"))).toBe(true);
      expect(pointers.some((pointer) => pointer.includes("/workflows/0"))).toBe(true);
    }
    expect(await databaseFingerprint(t.store)).toEqual(before);
  });

  it("refuses a pack written for a newer definition language", async () => {
    // given
    const pack = { ...starterPack("3.0.0"), schemaVersion: 99 };

    // when
    const response = await post("/api/packs/import", pack);

    // then
    expect(response.status).toBe(422);
    expect(JSON.stringify(response.body.problems)).toMatch(/schema ?version|newer/i);
  });
});
