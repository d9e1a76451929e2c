import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { hashInputs, isCurrent, writeStamp } from "../../scripts/build/input-stamp.ts";

describe("build input stamp", () => {
  let root: string;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), "flowdesk-stamp-"));
    mkdirSync(join(root, "src", "nested"), { recursive: true });
    writeFileSync(join(root, "src", "main.ts"), "export const a = 1;\n");
    writeFileSync(join(root, "src", "nested", "rule.ts"), "export const b = 2;\n");
    writeFileSync(join(root, "pnpm-lock.yaml"), "lockfileVersion: '9.0'\n");
    mkdirSync(join(root, "out"));
    writeFileSync(join(root, "out", "main.js"), "built");
  });

  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const inputs = ["src", "pnpm-lock.yaml", "missing-folder"];
  const stamp = () => join(root, "out", ".build-stamp");

  it("keeps a build whose inputs did not change, even when files were rewritten with the same content", () => {
    // given a build stamped with its inputs
    writeStamp(stamp(), hashInputs(root, inputs));

    // when a file is written again, unchanged
    writeFileSync(join(root, "src", "main.ts"), "export const a = 1;\n");

    // then the build is current
    expect(isCurrent(join(root, "out", "main.js"), stamp(), hashInputs(root, inputs))).toBe(true);
  });

  it("rebuilds after a source edit, a new file, a renamed file or a lockfile change", () => {
    // given a build stamped with its inputs
    const built = hashInputs(root, inputs);
    writeStamp(stamp(), built);
    const changes = [
      () => writeFileSync(join(root, "src", "nested", "rule.ts"), "export const b = 3;\n"),
      () => writeFileSync(join(root, "src", "extra.ts"), ""),
      () => {
        rmSync(join(root, "src", "extra.ts"));
        writeFileSync(join(root, "src", "renamed.ts"), "");
      },
      () => writeFileSync(join(root, "pnpm-lock.yaml"), "lockfileVersion: '9.1'\n"),
    ];

    // when each change is made, then each makes a new hash the stamp does not match
    const seen = new Set([built]);
    for (const change of changes) {
      change();
      const now = hashInputs(root, inputs);
      expect(seen.has(now)).toBe(false);
      expect(isCurrent(join(root, "out", "main.js"), stamp(), now)).toBe(false);
      seen.add(now);
    }
  });

  it("rebuilds when the output is gone or was built without a stamp", () => {
    // given matching inputs
    const hash = hashInputs(root, inputs);

    // when there is no stamp, then the build is not trusted
    expect(isCurrent(join(root, "out", "main.js"), stamp(), hash)).toBe(false);

    // when the stamp is there but the output was removed, then neither
    writeStamp(stamp(), hash);
    rmSync(join(root, "out", "main.js"));
    expect(isCurrent(join(root, "out", "main.js"), stamp(), hash)).toBe(false);
  });

  it("ignores installed packages and earlier outputs inside input folders", () => {
    // given a hash of the sources
    const before = hashInputs(root, inputs);

    // when node_modules and dist appear inside an input folder
    mkdirSync(join(root, "src", "node_modules", "x"), { recursive: true });
    writeFileSync(join(root, "src", "node_modules", "x", "index.js"), "");
    mkdirSync(join(root, "src", "dist"));
    writeFileSync(join(root, "src", "dist", "main.js"), "");

    // then the hash is the same
    expect(hashInputs(root, inputs)).toBe(before);
  });
});
