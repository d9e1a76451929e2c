import { join } from "node:path";
import { validateDefinition, validateDefinitionSet, type WorkflowDefinition } from "@flowdesk/core";
import { nodeRegistry } from "@flowdesk/nodes";
import { describe, expect, it } from "vitest";
import { fixturesDir, readJson } from "./fixture-files.ts";

const options = { registry: nodeRegistry };
const base = readJson(join(fixturesDir, "valid/triage-routing.workflow.json")) as WorkflowDefinition;

/** The routing workflow with the two conditions leaving "by-priority" replaced. */
const withConditions = (first: string, second: string): WorkflowDefinition => {
  const definition = structuredClone(base);
  definition.edges = definition.edges.map((edge) => {
    if (edge.id === "e4") return { ...edge, condition: first };
    if (edge.id === "e5") return { ...edge, condition: second };
    return edge;
  });
  return definition;
};

const missingDefaultWarnings = (definition: unknown) =>
  validateDefinition(definition, options).filter((found) => found.code === "FD2016");

describe("a decision without a default edge", () => {
  it.each([
    ["complementary booleans", "urgent", "!urgent"],
    ["a negated compound condition", "urgent && priority == 'P1'", "!(urgent && priority == 'P1')"],
    ["equality and inequality", 'priority == "P1"', 'priority != "P1"'],
    [
      "every enum value, spread over edges",
      'priority == "P1" || priority == "P2"',
      'priority in ["P3", "P4"]',
    ],
    ["true and false written out", "urgent == true", "urgent == false"],
  ])("is fine when the conditions are obviously exhaustive: %s", (_what, first, second) => {
    expect(missingDefaultWarnings(withConditions(first, second))).toEqual([]);
  });

  it.each([
    ["an enum value left out", 'priority == "P1"', 'priority == "P2" || priority == "P3"'],
    ["unrelated conditions", "urgent", 'priority == "P4"'],
    ["comparisons the checker cannot judge", "size(impact) > 3", "size(impact) <= 3"],
  ])("gets a warning when they may not be: %s", (_what, first, second) => {
    expect(missingDefaultWarnings(withConditions(first, second))).toEqual([
      expect.objectContaining({ severity: "warning", pointer: "/nodes/2" }),
    ]);
  });

  it("counts the enum of a start-form field when the form is in the set", () => {
    // given a decision on a form field covering its enum, and the form itself
    const form = {
      schemaVersion: 1,
      kind: "form",
      id: "triage-form",
      title: "Triage",
      schema: { type: "object", properties: { channel: { type: "string", enum: ["phone", "mail"] } } },
    };
    const definition = withConditions('channel == "phone"', 'channel == "mail"');
    definition.nodes[0]!.config = { form: "triage-form" };
    // when validating the workflow with and without its form
    const inSet = validateDefinitionSet(
      [
        { file: "workflow.json", document: definition },
        { file: "form.json", document: form },
      ],
      options,
    );
    const alone = validateDefinition(definition, options);
    // then only the set knows the enum; alone, the variable itself cannot be verified
    expect(inSet).toEqual([]);
    expect(alone.map((found) => found.code)).toEqual(["FD3020", "FD3020", "FD2016"]);
  });
});

describe("validateDefinition with related definitions", () => {
  it("verifies form variables and references against what the designer has loaded", () => {
    // given the routing workflow started by a form, and that form
    const definition = withConditions('channel == "phone"', 'channel == "mail"');
    definition.nodes[0]!.config = { form: "triage-form" };
    const form = {
      schemaVersion: 1,
      kind: "form",
      id: "triage-form",
      title: "Triage",
      schema: { type: "object", properties: { channel: { type: "string", enum: ["phone", "mail"] } } },
    };
    // when validating it with and without the form as related
    const withForm = validateDefinition(definition, { ...options, related: [form] });
    const withOtherForm = validateDefinition(definition, { ...options, related: [{ ...form, id: "other" }] });
    // then the form's fields are known; a missing form is a reference error, and what
    // may be its fields only warnings
    expect(withForm).toEqual([]);
    expect(withOtherForm.map((found) => [found.code, found.severity, found.pointer])).toEqual([
      ["FD3020", "warning", "/edges/3/condition"],
      ["FD3020", "warning", "/edges/4/condition"],
      ["FD4001", "error", "/nodes/0/config/form"],
      ["FD2016", "warning", "/nodes/2"],
    ]);
    expect(withOtherForm.every((found) => found.file === undefined)).toBe(true);
  });
});
