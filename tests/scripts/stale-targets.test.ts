import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BUILD_OUTPUTS, staleTargets } from "../../scripts/build/stale-targets.mjs";
import { takeFingerprint, writeFingerprint } from "../../scripts/build/stat-fingerprint.mjs";

describe("what pnpm start hands to the build", () => {
  let root: string;
  const inputsOf = {
    server: ["packages/server/src", "pnpm-lock.yaml"],
    web: ["packages/web/src", "pnpm-lock.yaml"],
  };

  const recordBuilds = () => {
    for (const name of ["server", "web"] as const) {
      const output = join(root, BUILD_OUTPUTS[name]);
      writeFingerprint(
        join(dirname(output), ".build-fingerprint.json"),
        takeFingerprint(root, inputsOf[name], [output]),
      );
    }
  };

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), "flowdesk-stale-"));
    for (const [folder, file] of [
      ["packages/server/src", "main.ts"],
      ["packages/web/src", "main.tsx"],
    ] as const) {
      mkdirSync(join(root, folder), { recursive: true });
      writeFileSync(join(root, folder, file), "export {};\n");
    }
    writeFileSync(join(root, "pnpm-lock.yaml"), "lockfileVersion: '9.0'\n");
    for (const output of Object.values(BUILD_OUTPUTS)) {
      mkdirSync(join(root, dirname(output)), { recursive: true });
      writeFileSync(join(root, output), "built");
    }
  });

  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it("hands nothing over for an untouched tree and both for a fresh checkout", () => {
    // given a fresh checkout, then both are built
    expect(staleTargets(root)).toEqual(["server", "web"]);

    // when both were built and nothing was touched, then neither is checked again
    recordBuilds();
    expect(staleTargets(root)).toEqual([]);
  });

  it("hands over only the web app after one web source file is edited, and both after a lockfile change", () => {
    // given both built
    recordBuilds();

    // when one web source file is edited, then only the web app is checked again
    writeFileSync(join(root, "packages/web/src/main.tsx"), "export const edited = 1;\n");
    expect(staleTargets(root)).toEqual(["web"]);

    // when the lockfile changes too, then both are
    writeFileSync(join(root, "pnpm-lock.yaml"), "lockfileVersion: '9.1'\n");
    expect(staleTargets(root)).toEqual(["server", "web"]);
  });
});
