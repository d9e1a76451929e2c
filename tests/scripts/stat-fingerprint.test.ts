import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  fingerprintMatches,
  takeFingerprint,
  writeFingerprint,
} from "../../scripts/build/stat-fingerprint.mjs";

describe("build input fingerprint (sizes and times)", () => {
  let root: string;
  const inputs = ["packages/web/src", "pnpm-lock.yaml", "packages/web/public"];
  const output = () => join(root, "packages", "web", "dist", "index.html");
  const fingerprintFile = () => join(root, "packages", "web", "dist", ".build-fingerprint.json");
  const record = () => writeFingerprint(fingerprintFile(), takeFingerprint(root, inputs, [output()]));

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), "flowdesk-fingerprint-"));
    mkdirSync(join(root, "packages", "web", "src", "catalog"), { recursive: true });
    mkdirSync(join(root, "packages", "web", "dist"), { recursive: true });
    writeFileSync(join(root, "packages", "web", "src", "App.tsx"), "export const App = () => null;\n");
    writeFileSync(join(root, "packages", "web", "src", "catalog", "CatalogPage.tsx"), "export {};\n");
    writeFileSync(join(root, "pnpm-lock.yaml"), "lockfileVersion: '9.0'\n");
    writeFileSync(output(), "<!doctype html>");
  });

  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it("matches an untouched tree", () => {
    // given a recorded fingerprint
    record();

    // when nothing is touched, then it still matches
    expect(fingerprintMatches(root, fingerprintFile())).toBe(true);
  });

  it("stops matching after a web source edit, a new, removed or renamed file, or a changed output", () => {
    const source = join(root, "packages", "web", "src", "catalog", "CatalogPage.tsx");
    const changes = [
      () => writeFileSync(source, "export const edited = true;\n"),
      // same size, only a later time (an editor saving the same length)
      () => utimesSync(source, new Date(), new Date(Date.now() + 5_000)),
      () => writeFileSync(join(root, "packages", "web", "src", "catalog", "New.tsx"), ""),
      () => rmSync(join(root, "packages", "web", "src", "App.tsx")),
      // an input that did not exist when recorded
      () => mkdirSync(join(root, "packages", "web", "public")),
      () => writeFileSync(output(), "<!doctype html><title>other build</title>"),
    ];
    for (const change of changes) {
      // given a fingerprint recorded just now
      record();
      expect(fingerprintMatches(root, fingerprintFile())).toBe(true);

      // when one thing changes, then it no longer matches
      change();
      expect(fingerprintMatches(root, fingerprintFile())).toBe(false);
    }
  });

  it("does not match when the fingerprint is missing, empty or unreadable", () => {
    // given no fingerprint, then no match
    expect(fingerprintMatches(root, fingerprintFile())).toBe(false);

    // when it is empty or not JSON, then no match either
    writeFileSync(fingerprintFile(), "[]\n");
    expect(fingerprintMatches(root, fingerprintFile())).toBe(false);
    writeFileSync(fingerprintFile(), "not json");
    expect(fingerprintMatches(root, fingerprintFile())).toBe(false);
  });
});
