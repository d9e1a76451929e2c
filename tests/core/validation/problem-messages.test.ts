import { join } from "node:path";
import { validateDefinition, validateDefinitionSet } from "@flowdesk/core";
import { nodeRegistry } from "@flowdesk/nodes";
import { describe, expect, it } from "vitest";
import { fixturesDir, readJson } from "./fixture-files.ts";

const options = { registry: nodeRegistry };
const invalid = (name: string): unknown => readJson(join(fixturesDir, "invalid", `${name}.json`));
const messages = (document: unknown): string[] =>
  validateDefinition(document, options).map((found) => found.message);

describe("problem messages a process owner understands", () => {
  it("names the node and what it lacks", () => {
    expect(messages(invalid("user-task-missing-assignee"))).toEqual([
      'Node "triage" is missing its assignee.',
    ]);
  });

  it("lists the allowed values instead of schema jargon, one problem per issue", () => {
    expect(messages(invalid("assignee-unknown-kind"))).toEqual([
      '"team" is not a valid kind for the assignee of node "triage"; use one of group, user, role, expression.',
    ]);
    expect(messages(invalid("notify-bad-channel"))).toEqual([
      '"sms" is not a valid channel; use one of in-app, email, webhook.',
    ]);
  });

  it("explains ids and durations by example", () => {
    expect(messages(invalid("attached-timer-bad-duration"))).toEqual([
      '"4 hours" is not an ISO 8601 duration such as PT4H or P3D.',
    ]);
    expect(messages(invalid("workflow-bad-id"))).toEqual([
      '"Incident Flow" is not a valid id: use lower-case letters, digits and dashes, starting with a letter.',
    ]);
  });

  it("suggests the nearest known variable", () => {
    expect(messages(invalid("expression-unknown-variable"))).toEqual([
      'Unknown variable "priorty"; did you mean "priority"?',
    ]);
  });

  it("suggests the nearest definition id across a set", () => {
    // given a catalog item naming a misspelt form
    const dir = join(fixturesDir, "invalid", "catalog-item-unknown-form");
    const files = ["category.json", "form.json", "item.json", "workflow.json"].map((file) => ({
      file,
      document: readJson(join(dir, file)),
    }));
    // when
    const problems = validateDefinitionSet(files, options);
    // then
    expect(problems).toEqual([
      {
        code: "FD4001",
        severity: "error",
        pointer: "/form",
        file: "item.json",
        message: 'There is no form "incident-reprot"; did you mean "incident-report"?',
        params: { id: "incident-reprot", suggestion: "incident-report", variant: "suggest" },
      },
    ]);
  });
});
