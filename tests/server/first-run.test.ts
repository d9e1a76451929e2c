import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { ensureAdminAccount, importStarterPack, readStarterPack, verifyPassword } from "@flowdesk/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BACKENDS, openTestStore } from "./support/test-app.ts";

const REPOSITORY_ROOT = resolve(import.meta.dirname, "../..");
const FIXTURES = resolve(import.meta.dirname, "fixtures");

describe.each(BACKENDS)("first-run seeding on $name", (backend) => {
  let opened: Awaited<ReturnType<typeof openTestStore>>;

  beforeAll(async () => {
    opened = await openTestStore(backend);
  });
  afterAll(async () => opened.close());

  it("creates the admin once, with a generated password shown only then", async () => {
    // when seeding runs twice
    const first = await ensureAdminAccount(opened.store, { now: new Date() });
    const second = await ensureAdminAccount(opened.store, { password: "ignored-now-1234", now: new Date() });

    // then one admin exists, holding the admin role, and its password is the one printed
    expect(first.created).toBe(true);
    expect(first.generatedPassword?.length).toBeGreaterThanOrEqual(20);
    expect(second).toEqual({ created: false });
    const admin = await opened.store.transaction((tx) => tx.users.findByUsername("admin"));
    expect(admin).toBeDefined();
    expect(await opened.store.transaction((tx) => tx.users.rolesOf(admin?.id ?? ""))).toEqual(["admin"]);
    expect(await verifyPassword(first.generatedPassword ?? "", admin?.passwordHash ?? "")).toBe(true);
    expect(await opened.store.transaction((tx) => tx.users.count())).toBe(1);
  });

  it("imports the repository's starter pack as version 1 of each definition, and nothing the second time", async () => {
    // given the starter pack in workflows/ and forms/
    const { files } = readStarterPack(REPOSITORY_ROOT);
    expect(files.length).toBeGreaterThan(0);

    // when it is imported twice
    const first = await importStarterPack(opened.store, { root: REPOSITORY_ROOT, now: new Date() });
    const second = await importStarterPack(opened.store, { root: REPOSITORY_ROOT, now: new Date() });

    // then every file became version 1 with its content hash (or is reported as an id
    // conflict between kinds), and the second run changed nothing
    expect(first.problems.filter((problem) => problem.severity === "error")).toEqual([]);
    expect(first.imported.length + first.conflicts.length).toBe(files.length);
    expect(first.imported.length).toBeGreaterThan(0);
    expect(second.imported).toEqual([]);
    expect(second.unchanged).toHaveLength(first.imported.length);
    expect(second.conflicts).toEqual(first.conflicts);
    for (const { document } of files) {
      const { id, kind } = document as { id: string; kind: string };
      if (first.conflicts.some((conflict) => conflict.startsWith(`${kind} ${id} `))) continue;
      const versions = await opened.store.transaction((tx) => tx.definitions.listVersions(id));
      expect(versions.map((version) => version.version)).toEqual([1]);
      expect(versions[0]?.kind).toBe(kind);
      expect(versions[0]?.contentHash).toMatch(/^[0-9a-f]{64}$/);
    }
  });
});

describe.each(BACKENDS)("starter pack with errors on $name", (backend) => {
  it("imports nothing while any file of the set has an error", async () => {
    // given a pack folder with one good and one broken form
    const root = mkdtempSync(join(tmpdir(), "flowdesk-pack-"));
    const opened = await openTestStore(backend);
    try {
      cpSync(join(FIXTURES, "laptop-request.form.json"), join(root, "forms", "laptop-request.form.json"), {
        recursive: true,
      });
      const broken = join(root, "forms", "broken.form.json");
      cpSync(join(FIXTURES, "broken.form.json"), broken);
      writeFileSync(join(root, "forms", "not-json.form.json"), "{ nope");

      // when it is imported
      const result = await importStarterPack(opened.store, { root, now: new Date() });

      // then the problems are reported and no version exists
      expect(result.imported).toEqual([]);
      expect(result.problems.some((problem) => problem.file === join("forms", "not-json.form.json"))).toBe(
        true,
      );
      expect(result.problems.some((problem) => problem.code === "FD1012")).toBe(true);
      const versions = await opened.store.transaction((tx) => tx.definitions.listVersions("laptop-request"));
      expect(versions).toEqual([]);
    } finally {
      rmSync(root, { recursive: true, force: true });
      await opened.close();
    }
  });
  it("checks the whole set again when a file was added next to installed, unchanged ones", async () => {
    // given a pack whose one form is installed as it is on disk
    const root = mkdtempSync(join(tmpdir(), "flowdesk-pack-"));
    const opened = await openTestStore(backend);
    try {
      cpSync(join(FIXTURES, "laptop-request.form.json"), join(root, "forms", "laptop-request.form.json"), {
        recursive: true,
      });
      const first = await importStarterPack(opened.store, { root, now: new Date() });
      const again = await importStarterPack(opened.store, { root, now: new Date() });

      // when a broken form joins it
      cpSync(join(FIXTURES, "broken.form.json"), join(root, "forms", "broken.form.json"));
      const withBroken = await importStarterPack(opened.store, { root, now: new Date() });

      // then the unchanged pack imported nothing the second time, and the broken file is still reported
      expect(first.imported).toEqual(["form laptop-request"]);
      expect(again).toEqual({
        imported: [],
        unchanged: ["laptop-request"],
        kept: [],
        conflicts: [],
        problems: [],
      });
      expect(withBroken.imported).toEqual([]);
      expect(withBroken.problems.some((problem) => problem.code === "FD1012")).toBe(true);
    } finally {
      rmSync(root, { recursive: true, force: true });
      await opened.close();
    }
  });
});
