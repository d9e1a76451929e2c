import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { runCli } from "@flowdesk/cli";
import { describe, expect, it } from "vitest";

const fixtures = join(import.meta.dirname, "fixtures");
const context = { cwd: fixtures };
const problemLine = /^[^:]+\.json:(\/[^:]*)?: FD\d{4}( warning:)? \S.*$/;

describe("flowdesk validate", () => {
  it("exits 0 and reports no problems for a valid directory", async () => {
    // when
    const result = await runCli(["validate", "valid"], context);
    // then
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe("0 errors, 0 warnings in 1 file");
  });

  it("prints one path:pointer: CODE line per problem, a summary, and exits 1 on errors", async () => {
    // when
    const result = await runCli(["validate", "broken"], context);
    // then
    expect(result.exitCode).toBe(1);
    const lines = result.stdout?.split("\n") ?? [];
    const summary = lines.pop();
    expect(summary).toMatch(/^[1-9]\d* errors?, \d+ warnings? in 1 file$/);
    expect(lines.length).toBeGreaterThanOrEqual(2);
    for (const line of lines) expect(line).toMatch(problemLine);
    expect(lines.some((line) => line.includes("password-help-broken.workflow.json:/edges/3"))).toBe(true);
  });

  it("prints the same problems as JSON with --json", async () => {
    // when
    const text = await runCli(["validate", "broken"], context);
    const json = await runCli(["validate", "--json", "broken"], context);
    // then
    expect(json.exitCode).toBe(1);
    const report = JSON.parse(json.stdout ?? "") as {
      files: string[];
      problems: { code: string; pointer: string; severity: string; message: string; file: string }[];
      summary: { errors: number; warnings: number; files: number };
    };
    expect(report.files).toEqual(["broken/password-help-broken.workflow.json"]);
    expect(report.problems.length).toBe((text.stdout?.split("\n").length ?? 0) - 1);
    expect(report.summary.errors).toBeGreaterThan(0);
    for (const problem of report.problems) {
      expect(problem).toMatchObject({ file: "broken/password-help-broken.workflow.json" });
      expect(problem.code).toMatch(/^FD\d{4}$/);
    }
  });

  it("exits 2 with one clear line for a missing path", async () => {
    // when
    const result = await runCli(["validate", "valid", "no-such-dir"], context);
    // then
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe("flowdesk validate: no-such-dir: no such file or directory");
    expect(result.stdout).toBeUndefined();
  });

  it("exits 2 with one clear line for a file that is not JSON", async () => {
    // when
    const result = await runCli(["validate", "not-json"], context);
    // then
    expect(result.exitCode).toBe(2);
    expect(result.stderr?.split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(
      /^flowdesk validate: not-json\/truncated\.workflow\.json: not valid JSON \(/,
    );
  });

  it("answers --help on the program and on every command", async () => {
    // when
    const main = await runCli(["--help"], context);
    const validate = await runCli(["validate", "--help"], context);
    // then
    expect(main.exitCode).toBe(0);
    expect(main.stdout).toContain("validate");
    expect(validate.exitCode).toBe(0);
    expect(validate.stdout).toContain("Usage: flowdesk validate");
  });

  it("refuses an unknown command or option with exit 2 and no stack trace", async () => {
    // when
    const command = await runCli(["frobnicate"], context);
    const option = await runCli(["validate", "--frobnicate", "valid"], context);
    // then
    expect(command.exitCode).toBe(2);
    expect(command.stderr).toMatch(/^flowdesk: unknown command "frobnicate"/);
    expect(option.exitCode).toBe(2);
    expect(option.stderr).not.toMatch(/\n\s+at /);
  });

  it("runs as a real process with the documented exit codes", () => {
    // given
    const main = join(import.meta.dirname, "../../packages/cli/src/main.ts");
    const tsx = join(import.meta.dirname, "../../node_modules/.bin/tsx");
    const run = (args: string[]) =>
      spawnSync(tsx, [main, ...args], {
        cwd: fixtures,
        encoding: "utf8",
        env: { ...process.env, INIT_CWD: fixtures },
      });
    // when
    const valid = run(["validate", "valid"]);
    const broken = run(["validate", "broken"]);
    const missing = run(["validate", "missing.json"]);
    // then
    expect(valid.status).toBe(0);
    expect(broken.status).toBe(1);
    expect(missing.status).toBe(2);
    expect(missing.stderr.trim()).toBe("flowdesk validate: missing.json: no such file or directory");
  });
});
