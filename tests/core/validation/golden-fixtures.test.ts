import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { type Problem, validateDefinition, validateDefinitionSet } from "@flowdesk/core";
import { nodeRegistry } from "@flowdesk/nodes";
import { describe, expect, it } from "vitest";
import { fixturesDir, invalidFixtures, readJson } from "./fixture-files.ts";

const options = { registry: nodeRegistry };

const essentials = (problems: readonly Problem[]) =>
  problems.map((found) => ({
    ...(found.file === undefined ? {} : { file: found.file }),
    code: found.code,
    pointer: found.pointer,
    severity: found.severity,
  }));

describe("golden invalid definitions", () => {
  const fixtures = invalidFixtures();

  it("has at least 45 fixtures, each with its expected problems and no orphan expectations", () => {
    // given the fixture folder
    const names = new Set(fixtures.map((fixture) => fixture.name));
    const expectations = readdirSync(join(fixturesDir, "invalid"))
      .filter((entry) => entry.endsWith(".expected.json"))
      .map((entry) => entry.replace(/\.expected\.json$/, ""));
    // then
    expect(fixtures.length).toBeGreaterThanOrEqual(45);
    expect(
      fixtures.filter((fixture) => !existsSync(fixture.expectedPath)).map((fixture) => fixture.name),
    ).toEqual([]);
    expect(expectations.filter((name) => !names.has(name))).toEqual([]);
  });

  it.each(fixtures.map((fixture) => [fixture.name, fixture] as const))("%s", (_name, fixture) => {
    // given an invalid definition (or set) and the problems it must produce
    const expected = existsSync(fixture.expectedPath)
      ? readJson(fixture.expectedPath)
      : "missing .expected.json";
    // when validating it
    const problems = fixture.set
      ? validateDefinitionSet(fixture.set, options)
      : validateDefinition(fixture.document, options);
    // then exactly those problems come back, in order, each with a sentence
    expect(essentials(problems)).toEqual(expected);
    expect(problems.length).toBeGreaterThan(0);
    for (const found of problems) expect(found.message).toMatch(/^[A-Z"].*[.?]$/s);
  });
});
