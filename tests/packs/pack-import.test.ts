import {
  assemblePack,
  checkPack,
  contentHash,
  type PackManifest,
  SCHEMA_VERSION,
  type TemplatePack,
  type WorkflowDefinition,
} from "@flowdesk/core";
import { WorkflowRuntime } from "@flowdesk/engine";
import { nodeRegistry } from "@flowdesk/nodes";
import {
  exportPack,
  importPack,
  type ServerStore,
  type ServerTransaction,
  contentHash as storeContentHash,
} from "@flowdesk/store";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BACKENDS, openTestStore as openEmptyStore } from "../server/support/test-app.ts";
import { starterPackFiles } from "./starter-pack.ts";

const manifest: PackManifest = { id: "itil-starter", version: "1.0.0", title: "ITIL starter pack" };
const buildStarterPack = (): TemplatePack =>
  assemblePack(
    manifest,
    starterPackFiles().map((file) => file.document),
  );
const definitionCount = (pack: TemplatePack): number =>
  Object.values(pack.contents).reduce((sum, list) => sum + (list?.length ?? 0), 0);

/** Everything an import may write, to compare before and after a refusal. */
const snapshot = (store: ServerStore) =>
  store.transaction(async (tx) => ({
    versions: await tx.sql.all("SELECT * FROM definition_versions ORDER BY definition_id, version"),
    drafts: await tx.sql.all("SELECT * FROM definition_drafts ORDER BY definition_id"),
    groups: await tx.sql.all("SELECT * FROM user_groups ORDER BY id"),
    audit: await tx.sql.all("SELECT * FROM audit_log ORDER BY seq"),
  }));

describe("the starter pack as a template pack", () => {
  it("passes the pack check with no problem at all", () => {
    // when
    const check = checkPack(buildStarterPack(), { registry: nodeRegistry });

    // then
    expect(check.problems).toEqual([]);
    expect(check.pack).toBeDefined();
  });

  it("hashes content the way the store does", () => {
    for (const { file, document } of starterPackFiles()) {
      expect(contentHash(document), file).toBe(storeContentHash(document));
    }
  });
});

describe.each(BACKENDS)("importPack and exportPack on $name", (backend) => {
  let store: ServerStore;
  let close: () => Promise<void>;

  beforeEach(async () => {
    ({ store, close } = await openEmptyStore(backend));
  });

  afterEach(async () => {
    await close();
  });

  it("imports into an empty database and exports an equivalent pack", async () => {
    // given
    const pack = buildStarterPack();

    // when
    const result = await importPack(store, pack, { by: "admin" });
    const exported = await exportPack(store, manifest);

    // then
    expect(result.problems).toEqual([]);
    expect(result.applied).toBe(true);
    expect(result.preview?.summary).toEqual({ added: definitionCount(pack), changed: 0, unchanged: 0 });
    expect(result.published.every((version) => version.version === 1)).toBe(true);
    expect(exported).toEqual(pack);
  });

  it("changes nothing when the same pack is imported again", async () => {
    // given
    const pack = buildStarterPack();
    await importPack(store, pack, { by: "admin" });
    const before = await snapshot(store);

    // when
    const again = await importPack(store, pack, { by: "admin" });

    // then
    expect(again.applied).toBe(true);
    expect(again.published).toEqual([]);
    expect(again.preview?.summary).toEqual({ added: 0, changed: 0, unchanged: definitionCount(pack) });
    expect(await snapshot(store)).toEqual(before);
  });

  it("previews a dry run without writing anything", async () => {
    // given
    const before = await snapshot(store);

    // when
    const result = await importPack(store, buildStarterPack(), { dryRun: true });

    // then
    expect(result.applied).toBe(false);
    expect(result.preview?.entries.every((entry) => entry.change === "added")).toBe(true);
    expect(await snapshot(store)).toEqual(before);
  });

  it("publishes a new version of what a newer pack changed and keeps the old version", async () => {
    // given version 1.0.0 installed
    const pack = buildStarterPack();
    await importPack(store, pack, { by: "admin" });
    const newer = structuredClone(pack);
    newer.manifest.version = "1.1.0";
    const incident = newer.contents.workflows?.find((workflow) => workflow.id === "incident-management");
    if (incident === undefined) throw new Error("the starter pack lost its incident workflow");
    incident.title = "Incident management (revised)";

    // when 1.1.0 is imported
    const result = await importPack(store, newer, { by: "admin" });

    // then only the incident workflow gets a version 2; version 1 is still there as it was
    expect(result.preview?.summary).toEqual({ added: 0, changed: 1, unchanged: definitionCount(pack) - 1 });
    expect(result.published).toEqual([{ kind: "workflow", id: "incident-management", version: 2 }]);
    const versions = await store.transaction((tx) => tx.definitions.listVersions("incident-management"));
    expect(versions.map((version) => (version.content as WorkflowDefinition).title)).toEqual([
      "Incident management",
      "Incident management (revised)",
    ]);
  });

  it("keeps running requests on the version they started on", async () => {
    // given a knowledge article under review on version 1
    const pack = buildStarterPack();
    await importPack(store, pack, { by: "admin" });
    const runtime = new WorkflowRuntime({ store: store.runtime });
    const article = {
      articleTitle: "Reset the VPN client",
      audience: "everyone",
      summary: "Fixes most VPN time-outs.",
      articleBody: "Quit the client, delete the profile, sign in again.",
    };
    const started = await runtime.startInstance({
      definitionId: "knowledge-management",
      requester: "sam.agent",
      data: article,
    });

    // when version 1.1.0 of the pack changes the workflow
    const newer = structuredClone(pack);
    newer.manifest.version = "1.1.0";
    const knowledge = newer.contents.workflows?.find((workflow) => workflow.id === "knowledge-management");
    if (knowledge === undefined) throw new Error("the starter pack lost its knowledge workflow");
    knowledge.description = "Revised in 1.1.0.";
    await importPack(store, newer, { by: "admin" });
    const review = started.effects.find((effect) => effect.type === "task.create");
    if (review?.type !== "task.create") throw new Error("no review task was created");
    const finished = await runtime.completeTask({
      taskId: review.taskId,
      by: "kim.knowledge",
      outcome: "publish",
      data: { reviewComments: "Clear." },
    });
    const next = await runtime.startInstance({
      definitionId: "knowledge-management",
      requester: "sam.agent",
      data: article,
    });

    // then the running request finished on version 1 and new requests use version 2
    expect(started.instance.definitionVersion).toBe(1);
    expect(finished.instance).toMatchObject({ definitionVersion: 1, status: "completed" });
    expect(next.instance.definitionVersion).toBe(2);
  });

  it("rolls everything back when the database fails halfway through an import", async () => {
    // given a store whose fifth publish fails
    const before = await snapshot(store);
    let publishes = 0;
    const failing = {
      transaction: <T>(work: (tx: ServerTransaction) => Promise<T>) =>
        store.transaction((tx) =>
          work({
            ...tx,
            definitions: {
              ...tx.definitions,
              publish: (input) => {
                publishes++;
                if (publishes === 5) throw new Error("disk full");
                return tx.definitions.publish(input);
              },
            },
          }),
        ),
    } as ServerStore;

    // when
    const attempt = importPack(failing, buildStarterPack(), { by: "admin" });

    // then nothing of the four earlier publishes is left
    await expect(attempt).rejects.toThrow("disk full");
    expect(publishes).toBe(5);
    expect(await snapshot(store)).toEqual(before);
  });

  it("refuses a broken pack whole, lists every problem and leaves the database unchanged", async () => {
    // given an installed pack and a newer one with a dangling form reference and an invalid form
    await importPack(store, buildStarterPack(), { by: "admin" });
    const before = await snapshot(store);
    const broken = structuredClone(buildStarterPack());
    broken.manifest.version = "2.0.0";
    const item = broken.contents.catalogItems?.find((candidate) => candidate.id === "request-a-laptop");
    const form = broken.contents.forms?.find((candidate) => candidate.id === "access-request");
    if (item === undefined || form === undefined) throw new Error("the starter pack lost its fixtures");
    item.form = "no-such-form";
    form.schema = { type: "array" };

    // when
    const result = await importPack(store, broken, { by: "admin", file: "broken.pack.json" });

    // then
    expect(result.applied).toBe(false);
    const pointers = result.problems.map((problem) => `${problem.code} ${problem.pointer}`);
    const itemIndex = broken.contents.catalogItems?.indexOf(item);
    const formIndex = broken.contents.forms?.indexOf(form);
    expect(pointers).toContain(`FD4001 /contents/catalogItems/${itemIndex}/form`);
    expect(pointers.some((pointer) => pointer.includes(`/contents/forms/${formIndex}/schema`))).toBe(true);
    expect(result.problems.every((problem) => problem.file === "broken.pack.json")).toBe(true);
    expect(await snapshot(store)).toEqual(before);
  });

  it("refuses a pack written for a newer schema version with one clear sentence", async () => {
    // given
    const before = await snapshot(store);
    const future = { ...buildStarterPack(), schemaVersion: SCHEMA_VERSION + 1 };

    // when
    const result = await importPack(store, future);

    // then
    expect(result.applied).toBe(false);
    expect(result.problems).toEqual([
      expect.objectContaining({
        code: "FD1003",
        pointer: "/schemaVersion",
        message: `This pack uses definition schema version ${SCHEMA_VERSION + 1}; this Flowdesk reads version ${SCHEMA_VERSION} and older. Upgrade Flowdesk before importing it.`,
      }),
    ]);
    expect(await snapshot(store)).toEqual(before);
  });

  it("refuses a pack carrying a definition written for a newer schema version", async () => {
    // given
    const before = await snapshot(store);
    const pack = buildStarterPack();
    const form = pack.contents.forms?.[0];
    if (form === undefined) throw new Error("the starter pack has no forms");
    form.schemaVersion = SCHEMA_VERSION + 1;

    // when
    const result = await importPack(store, pack);

    // then
    expect(result.problems).toEqual([
      expect.objectContaining({
        code: "FD1003",
        pointer: "/contents/forms/0/schemaVersion",
        message: `The form "${form.id}" in this pack uses definition schema version ${SCHEMA_VERSION + 1}; this Flowdesk reads version ${SCHEMA_VERSION} and older. Upgrade Flowdesk before importing it.`,
      }),
    ]);
    expect(await snapshot(store)).toEqual(before);
  });

  it("refuses a pack whose id is already used by another kind of definition", async () => {
    // given a form published under the id the pack uses for a workflow
    await store.transaction((tx) =>
      tx.definitions.publish({
        definitionId: "password-reset-by-hand",
        kind: "form",
        content: { kind: "form", id: "password-reset-by-hand" },
        publishedAt: "2026-03-02T09:00:00.000Z",
      }),
    );
    const pack = buildStarterPack();
    const workflow = pack.contents.workflows?.find(
      (candidate) => candidate.id === "self-service-password-reset",
    );
    const item = pack.contents.catalogItems?.find((candidate) => candidate.id === "reset-my-password");
    if (workflow === undefined || item === undefined) throw new Error("the starter pack lost its fixtures");
    workflow.id = "password-reset-by-hand";
    item.workflow = "password-reset-by-hand";
    const before = await snapshot(store);

    // when
    const result = await importPack(store, pack);

    // then
    expect(result.applied).toBe(false);
    expect(result.problems).toEqual([
      expect.objectContaining({
        code: "FD4101",
        message: expect.stringContaining('"password-reset-by-hand"'),
      }),
    ]);
    expect(await snapshot(store)).toEqual(before);
  });
});
