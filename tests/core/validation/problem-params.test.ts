import { readdirSync } from "node:fs";
import { join } from "node:path";
import {
  canConnect,
  PROBLEM_PARAMS,
  type Problem,
  problemParamsKey,
  validateDefinition,
  validateDefinitionSet,
} from "@flowdesk/core";
import { nodeRegistry } from "@flowdesk/nodes";
import { describe, expect, it } from "vitest";
import { fixturesDir, invalidFixtures, readJson } from "./fixture-files.ts";

const options = { registry: nodeRegistry };

/** Every problem the golden invalid fixtures produce: the validator's vocabulary in use. */
const fixtureProblems = (): Problem[] =>
  invalidFixtures().flatMap((fixture) =>
    fixture.set ? validateDefinitionSet(fixture.set, options) : validateDefinition(fixture.document, options),
  );

describe("problem params", () => {
  it("every problem carries exactly the params PROBLEM_PARAMS lists for its code and variant", () => {
    // given every problem of the golden invalid fixtures
    const problems = fixtureProblems();
    expect(problems.length).toBeGreaterThan(45);
    // when comparing each one's params with the list
    const mismatches = problems.flatMap((found) => {
      const key = problemParamsKey(found.code, found.params);
      const listed = PROBLEM_PARAMS[key];
      const carried = Object.keys(found.params ?? {})
        .filter((name) => name !== "variant")
        .sort();
      if (listed === undefined && carried.length === 0 && found.params?.variant === undefined) return [];
      if (listed !== undefined && JSON.stringify([...listed].sort()) === JSON.stringify(carried)) return [];
      return [
        `${key} (${found.message}): listed ${JSON.stringify(listed)}, carried ${JSON.stringify(carried)}`,
      ];
    });
    // then none disagree
    expect(mismatches).toEqual([]);
  });

  it("the English message stays the sentence the params fill in", () => {
    // given every problem with params
    const problems = fixtureProblems().filter((found) => found.params !== undefined);
    // when looking for each quoted value in the sentence (lists are joined differently and
    // `field`, `place`, `nodeType`, `type` name what the English sentence describes in words)
    const reworded = new Set(["variant", "choices", "forms", "field", "place", "nodeType", "type"]);
    const missing = problems.flatMap((found) =>
      Object.entries(found.params ?? {})
        .filter(([name, value]) => !reworded.has(name) && !found.message.includes(String(value)))
        .map(([name]) => `${found.code} ${name}: ${found.message}`),
    );
    // then every one is there
    expect(missing).toEqual([]);
  });

  it("connection refusals carry the same params as the validator's edge problems", () => {
    // given a valid workflow
    const workflow = readJson(join(fixturesDir, "valid", firstWorkflowFixture()));
    // when connecting from a node that does not exist
    const verdict = canConnect(workflow, "nowhere", "also-nowhere", undefined, nodeRegistry);
    // then the refusal names the node in its params
    expect(verdict).toMatchObject({ ok: false, code: "FD2008", params: { node: "nowhere" } });
  });
});

const firstWorkflowFixture = (): string => {
  const name = readdirSync(join(fixturesDir, "valid")).find((file) => file.includes("workflow"));
  if (!name) throw new Error("no valid workflow fixture");
  return name;
};
