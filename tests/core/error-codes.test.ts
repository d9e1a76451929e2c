import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import {
  ENGINE_ERRORS,
  ERROR_CODES,
  EXPRESSION_CODES,
  errorCodeEntry,
  PROBLEM_CODES,
  PROBLEM_PARAMS,
  registeredErrorCodes,
  toFlowdeskError,
  UNEXPECTED_ERROR,
} from "@flowdesk/core";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const REGISTRY_FILE = "packages/core/src/error-codes.ts";

const filesUnder = (directory: string, keep: (path: string) => boolean): string[] => {
  const found: string[] = [];
  for (const name of readdirSync(directory)) {
    if (name === "node_modules" || name.startsWith(".")) continue;
    const path = join(directory, name);
    if (statSync(path).isDirectory()) found.push(...filesUnder(path, keep));
    else if (keep(path)) found.push(path);
  }
  return found;
};

/** A code written as a string literal in any quoting: "FD1234", 'FD1234' or `FD1234`. */
const CODE_LITERAL = /(["'`])(FD\d{4})\1/g;

/** Every code literal of a source text, with its line number. */
const codeLiterals = (text: string): { code: string; line: number }[] =>
  text
    .split("\n")
    .flatMap((line, index) =>
      [...line.matchAll(CODE_LITERAL)].map((match) => ({ code: match[2]!, line: index + 1 })),
    );

const sourceFiles = (): string[] =>
  readdirSync(join(root, "packages")).flatMap((name) => {
    const src = join(root, "packages", name, "src");
    try {
      return filesUnder(src, (path) => /\.(ts|tsx)$/.test(path));
    } catch {
      return [];
    }
  });

describe("the error-code registry", () => {
  it("registers every code once", () => {
    // given
    const entries = registeredErrorCodes();
    // when
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const { group, name, entry } of entries) {
      const where = `${group}.${name}`;
      const earlier = seen.get(entry.code);
      if (earlier !== undefined) twice.push(`${entry.code}: ${earlier} and ${where}`);
      seen.set(entry.code, where);
    }
    // then
    expect(twice).toEqual([]);
    expect(entries.length).toBeGreaterThan(100);
    for (const { entry } of entries) expect(entry.code).toMatch(/^FD\d{4}$/);
  });

  it("finds a code literal in any quoting, so a planted one would be caught", () => {
    // given
    const planted = 'const a = 1;\nthrow badRequest("x", [{ code: "FD6001" }]);\nconst b = `FD9000`;';
    // when
    const found = codeLiterals(planted);
    // then
    expect(found).toEqual([
      { code: "FD6001", line: 2 },
      { code: "FD9000", line: 3 },
    ]);
  });

  it("is the only source file that spells a code", () => {
    // given
    const files = sourceFiles();
    // when
    const outside = files.flatMap((path) => {
      const file = relative(root, path);
      if (file === REGISTRY_FILE) return [];
      return codeLiterals(readFileSync(path, "utf8")).map(({ code, line }) => `${file}:${line} ${code}`);
    });
    // then
    expect(files.length).toBeGreaterThan(100);
    expect(outside).toEqual([]);
  });

  it("knows every code that the registry file spells", () => {
    // given
    const literals = codeLiterals(readFileSync(join(root, REGISTRY_FILE), "utf8"));
    // when
    const unknown = literals.filter(({ code }) => errorCodeEntry(code) === undefined);
    // then
    expect(literals.length).toBe(registeredErrorCodes().length);
    expect(unknown).toEqual([]);
  });

  it("knows every code the test fixtures, starter workflows and forms hold", () => {
    // given
    const files = ["tests", "workflows", "forms"].flatMap((directory) =>
      filesUnder(join(root, directory), (path) => path.endsWith(".json")),
    );
    // when
    const unknown = files.flatMap((path) =>
      [...readFileSync(path, "utf8").matchAll(/FD\d{4}/g)]
        .map((match) => match[0])
        .filter((code) => errorCodeEntry(code) === undefined)
        .map((code) => `${relative(root, path)}: ${code}`),
    );
    // then
    expect(unknown).toEqual([]);
  });

  // The web app's problem catalogs are held to PROBLEM_PARAMS by tests/web/problem-text.test.ts.
  it("knows every code the problem params are keyed by", () => {
    // given
    const keys = Object.keys(PROBLEM_PARAMS);
    // when
    const unknown = keys
      .map((key) => /^FD\d{4}/.exec(key)?.[0])
      .filter((code): code is string => code !== undefined && errorCodeEntry(code) === undefined);
    // then
    expect(keys.length).toBeGreaterThan(50);
    expect(unknown).toEqual([]);
  });

  it("keeps the named views on the registry's codes", () => {
    // given / when / then
    expect(PROBLEM_CODES.noStart).toBe(ERROR_CODES.definition.noStart.code);
    expect(PROBLEM_CODES.unknownVariable).toBe(EXPRESSION_CODES.unknownVariable);
    expect(PROBLEM_CODES.expressionSyntax).toBe(EXPRESSION_CODES.syntax);
    expect(ENGINE_ERRORS.runawayLoop).toBe(ERROR_CODES.engine.runawayLoop.code);
    expect(errorCodeEntry(ENGINE_ERRORS.runawayLoop)).toMatchObject({ kind: "operational", retryable: true });
    expect(errorCodeEntry(ERROR_CODES.http.invalidRequest.code)).toMatchObject({
      kind: "user",
      retryable: false,
    });
  });

  it("has one code for unexpected failures, which anything thrown becomes", () => {
    // given
    const unexpected = registeredErrorCodes().filter(({ entry }) => entry.kind === "unexpected");
    // when
    const wrapped = toFlowdeskError(new TypeError("boom"));
    // then
    expect(unexpected.map(({ entry }) => entry.code)).toEqual([UNEXPECTED_ERROR.code]);
    expect(wrapped.toJSON()).toEqual({
      code: UNEXPECTED_ERROR.code,
      kind: "unexpected",
      message: "boom",
      retryable: false,
    });
  });
});
