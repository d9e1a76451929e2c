import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { runCli } from "@flowdesk/cli";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

const fixtures = join(import.meta.dirname, "fixtures", "packs");
const repositoryRoot = fileURLToPath(new URL("../../", import.meta.url));
const problemLine = /^[^:]+\.json:(\/[^:]*)?: FD\d{4}( warning:)? \S.*$/;

let work: string;
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), "flowdesk-cli-pack-"));
});
afterEach(() => {
  rmSync(work, { recursive: true, force: true });
});

const inFixtures = { cwd: fixtures };
const dataDir = () => join(work, "data");

describe("flowdesk pack", () => {
  it("prints its help, and exits 2 without a known subcommand", async () => {
    // when
    const help = await runCli(["pack", "--help"], inFixtures);
    const none = await runCli(["pack"], inFixtures);
    const unknown = await runCli(["pack", "publish"], inFixtures);
    const subHelp = await runCli(["pack", "import", "--help"], inFixtures);

    // then
    expect(help).toMatchObject({
      exitCode: 0,
      stdout: expect.stringContaining("build   validate definition files"),
    });
    expect(none).toEqual({
      exitCode: 2,
      stderr: "flowdesk pack: name a subcommand: build, import or export (see --help)",
    });
    expect(unknown).toEqual({
      exitCode: 2,
      stderr: 'flowdesk pack: unknown subcommand "publish"; use build, import or export',
    });
    expect(subHelp.exitCode).toBe(0);
    expect(subHelp.stdout).toMatch(/^Usage: flowdesk pack import <file> \[--dry-run\]/);
  });
});

describe("flowdesk pack build", () => {
  it("builds the starter pack from workflows and forms by default", async () => {
    // given
    const out = join(work, "starter.pack.json");

    // when
    const result = await runCli(
      [
        "pack",
        "build",
        "--id",
        "itil-starter",
        "--version",
        "1.0.0",
        "--title",
        "ITIL starter pack",
        "--out",
        out,
      ],
      { cwd: repositoryRoot },
    );

    // then
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/^Built pack itil-starter 1\.0\.0: \d+ definitions from \d+ files -> /);
    const pack = JSON.parse(readFileSync(out, "utf8")) as {
      manifest: unknown;
      contents: Record<string, unknown[]>;
    };
    expect(pack.manifest).toEqual({ id: "itil-starter", version: "1.0.0", title: "ITIL starter pack" });
    expect(pack.contents.workflows?.length).toBeGreaterThanOrEqual(9);
  });

  it("refuses definitions with errors, lists every problem and writes nothing", async () => {
    // given
    const out = join(work, "broken.pack.json");

    // when
    const result = await runCli(["pack", "build", "--out", out, "broken"], inFixtures);

    // then
    expect(result.exitCode).toBe(1);
    const lines = result.stdout?.split("\n") ?? [];
    expect(lines.pop()).toMatch(/^2 errors, \d+ warnings? in 3 files$/);
    for (const line of lines) expect(line).toMatch(problemLine);
    expect(lines.filter((line) => / FD4001 /.test(line))).toHaveLength(2);
    expect(result.stderr).toBe("flowdesk pack build: refused; fix the errors above, nothing was written");
    expect(existsSync(out)).toBe(false);
  });

  it("exits 2 with one line for a bad version or a missing folder", async () => {
    // when
    const badVersion = await runCli(["pack", "build", "--version", "one", "small"], inFixtures);
    const missing = await runCli(["pack", "build", "no-such-dir"], inFixtures);

    // then
    expect(badVersion).toEqual({
      exitCode: 2,
      stderr: 'flowdesk pack build: --version "one" must be a semantic version such as 1.2.0',
    });
    expect(missing).toEqual({
      exitCode: 2,
      stderr: "flowdesk pack build: no-such-dir: no such file or directory",
    });
  });
});

describe("flowdesk pack import and export", () => {
  const buildSmall = async (): Promise<string> => {
    const out = join(work, "toner.pack.json");
    const built = await runCli(
      ["pack", "build", "--id", "toner", "--title", "Toner", "--out", out, "small"],
      inFixtures,
    );
    expect(built.exitCode).toBe(0);
    return out;
  };

  it("previews with --dry-run and changes nothing", async () => {
    // given
    const file = await buildSmall();

    // when
    const preview = await runCli(["pack", "import", file, "--dry-run", "--data-dir", dataDir()], inFixtures);
    const exported = await runCli(["pack", "export", "--data-dir", dataDir()], inFixtures);

    // then
    expect(preview.exitCode).toBe(0);
    expect(preview.stdout?.split("\n")).toEqual([
      "Pack toner 1.0.0: Toner",
      "  added      catalogCategory  office-supplies  Office supplies",
      "  added      form             printer-toner    Order printer toner",
      "  added      workflow         toner-order      Toner order",
      "  added      catalogItem      order-toner      Order toner",
      "4 added, 0 changed, 0 unchanged",
      "Dry run: nothing was changed.",
    ]);
    expect(JSON.parse(exported.stdout ?? "").contents).toEqual({});
  });

  it("imports, changes nothing the second time, and exports the same definitions", async () => {
    // given
    const file = await buildSmall();

    // when
    const first = await runCli(
      ["pack", "import", file, "--data-dir", dataDir(), "--by", "admin"],
      inFixtures,
    );
    const second = await runCli(["pack", "import", file, "--data-dir", dataDir()], inFixtures);
    const out = join(work, "exported.pack.json");
    const exported = await runCli(
      ["pack", "export", "--id", "toner", "--title", "Toner", "--out", out, "--data-dir", dataDir()],
      inFixtures,
    );

    // then
    expect(first.exitCode).toBe(0);
    expect(first.stdout).toMatch(/4 added, 0 changed, 0 unchanged\nImported: 4 new versions published\.$/);
    expect(second.exitCode).toBe(0);
    expect(second.stdout).toMatch(/0 added, 0 changed, 4 unchanged\nImported: 0 new versions published\.$/);
    expect(exported).toEqual({ exitCode: 0, stdout: `Exported pack toner 1.0.0: 4 definitions -> ${out}` });
    expect(JSON.parse(readFileSync(out, "utf8"))).toEqual(JSON.parse(readFileSync(file, "utf8")));
  });

  it("refuses a broken pack whole with every problem listed", async () => {
    // when
    const result = await runCli(["pack", "import", "broken.pack.json", "--data-dir", dataDir()], inFixtures);
    const exported = await runCli(["pack", "export", "--data-dir", dataDir()], inFixtures);

    // then
    expect(result.exitCode).toBe(1);
    const lines = result.stdout?.split("\n") ?? [];
    for (const line of lines) expect(line).toMatch(problemLine);
    expect(
      lines.some((line) => line.startsWith("broken.pack.json:/contents/catalogItems/0/form: FD4001")),
    ).toBe(true);
    expect(lines.some((line) => line.startsWith("broken.pack.json:/contents/forms/0/schema"))).toBe(true);
    expect(result.stderr).toMatch(/^flowdesk pack import: refused \(\d+ problems\); nothing was changed$/);
    expect(JSON.parse(exported.stdout ?? "").contents).toEqual({});
  });

  it("refuses a pack from a newer Flowdesk with one clear sentence", async () => {
    // when
    const result = await runCli(["pack", "import", "future.pack.json", "--data-dir", dataDir()], inFixtures);

    // then
    expect(result).toEqual({
      exitCode: 1,
      stdout:
        "future.pack.json:/schemaVersion: FD1003 This pack uses definition schema version 2; this Flowdesk reads version 1 and older. Upgrade Flowdesk before importing it.",
      stderr: "flowdesk pack import: refused (1 problem); nothing was changed",
    });
  });

  it("exits 2 with one line for unusable input", async () => {
    // given
    const notJson = join(work, "truncated.pack.json");
    writeFileSync(notJson, '{ "kind": "pack", ');

    // when
    const missing = await runCli(
      ["pack", "import", "no-such.pack.json", "--data-dir", dataDir()],
      inFixtures,
    );
    const truncated = await runCli(["pack", "import", notJson, "--data-dir", dataDir()], inFixtures);
    const both = await runCli(
      ["pack", "import", "future.pack.json", "--data-dir", dataDir(), "--database-url", "postgres://x/y"],
      inFixtures,
    );
    const noFile = await runCli(["pack", "import"], inFixtures);

    // then
    expect(missing).toEqual({ exitCode: 2, stderr: "flowdesk pack import: no-such.pack.json: no such file" });
    expect(truncated.exitCode).toBe(2);
    expect(truncated.stderr).toMatch(
      /^flowdesk pack import: .*truncated\.pack\.json: not valid JSON \(.+\)$/,
    );
    expect(both).toEqual({
      exitCode: 2,
      stderr: "flowdesk pack import: give --data-dir or --database-url, not both",
    });
    expect(noFile).toEqual({
      exitCode: 2,
      stderr: "flowdesk pack import: name the pack file to import (see --help)",
    });
  });
});
