import { join } from "node:path";
import {
  canConnect,
  type NodeRegistry,
  PROBLEM_CODES,
  validateDefinition,
  type WorkflowDefinition,
} from "@flowdesk/core";
import { nodeRegistry } from "@flowdesk/nodes";
import { describe, expect, it } from "vitest";
import { fixturesDir, readJson } from "./fixture-files.ts";

const smallRegistry = readJson(join(fixturesDir, "registry/small-registry.json")) as NodeRegistry;

const workflow = (edges: WorkflowDefinition["edges"] = []): WorkflowDefinition => ({
  schemaVersion: 1,
  kind: "workflow",
  id: "access",
  title: "Access request",
  variables: { type: "object" },
  nodes: [
    { id: "start", type: "start", config: {} },
    { id: "review", type: "review", config: {} },
    { id: "check", type: "check", config: { results: [{ id: "granted" }, { id: "refused" }] } },
    { id: "hold", type: "hold", config: {} },
    { id: "done", type: "end", config: {} },
  ],
  edges,
});

const codeOf = (verdict: ReturnType<typeof canConnect>): string | undefined =>
  verdict.ok ? undefined : verdict.code;

describe("canConnect", () => {
  it("accepts a connection the rules allow", () => {
    // given / when / then
    expect(canConnect(workflow(), "start", "review", undefined, smallRegistry)).toEqual({ ok: true });
    expect(canConnect(workflow(), "review", "done", "declined", smallRegistry)).toEqual({ ok: true });
    expect(canConnect(workflow(), "check", "done", "granted", smallRegistry)).toEqual({ ok: true });
  });

  it.each([
    ["a missing source", "ghost", "done", undefined, PROBLEM_CODES.edgeSourceMissing],
    ["a missing target", "start", "ghost", undefined, PROBLEM_CODES.edgeTargetMissing],
    ["an edge into the start", "hold", "start", undefined, PROBLEM_CODES.edgeIntoStart],
    ["an edge out of an end", "done", "hold", undefined, PROBLEM_CODES.edgeOutOfEnd],
    ["a self-loop on a step that does not wait", "check", "check", "granted", PROBLEM_CODES.selfLoop],
    ["an outcome the source does not have", "review", "done", "maybe", PROBLEM_CODES.unknownOutcome],
    [
      "an outcome from configuration that is not configured",
      "check",
      "done",
      "ok",
      PROBLEM_CODES.unknownOutcome,
    ],
    [
      "an unnamed edge where the outcome must be named",
      "review",
      "done",
      undefined,
      PROBLEM_CODES.outcomeRequired,
    ],
  ])("refuses %s", (_what, source, target, outcome, code) => {
    // given an empty canvas / when connecting / then
    expect(codeOf(canConnect(workflow(), source, target, outcome, smallRegistry))).toBe(code);
  });

  it("allows a self-loop on a waiting step", () => {
    expect(canConnect(workflow(), "review", "review", "accepted", smallRegistry)).toEqual({ ok: true });
  });

  it("refuses a second edge where a port takes only one", () => {
    // given edges already drawn into "review" (one input) and out of "hold" (one output)
    const drawn = workflow([
      { id: "e1", source: "start", target: "review" },
      { id: "e2", source: "hold", target: "done" },
    ]);
    // when / then
    expect(codeOf(canConnect(drawn, "check", "review", "granted", smallRegistry))).toBe(
      PROBLEM_CODES.tooManyIncoming,
    );
    expect(codeOf(canConnect(drawn, "hold", "review", undefined, smallRegistry))).toBe(
      PROBLEM_CODES.tooManyOutgoing,
    );
    expect(codeOf(canConnect(drawn, "start", "hold", undefined, smallRegistry))).toBe(
      PROBLEM_CODES.tooManyOutgoing,
    );
  });

  it("refuses the same connection twice but allows another outcome to the same target", () => {
    // given
    const drawn = workflow([{ id: "e1", source: "check", target: "done", outcome: "granted" }]);
    // when / then
    expect(codeOf(canConnect(drawn, "check", "done", "granted", smallRegistry))).toBe(
      PROBLEM_CODES.duplicateConnection,
    );
    expect(canConnect(drawn, "check", "done", "refused", smallRegistry)).toEqual({ ok: true });
  });

  it("names an attached timer's id as an outcome of the real registry's user task", () => {
    // given a task with an escalation timer
    const definition = {
      ...workflow(),
      nodes: [
        {
          id: "triage",
          type: "user-task",
          config: { timers: [{ id: "escalate", after: "PT1H", interrupting: true }] },
        },
        { id: "done", type: "end", config: {} },
      ],
    };
    // when / then
    expect(canConnect(definition, "triage", "done", "escalate", nodeRegistry)).toEqual({ ok: true });
    expect(codeOf(canConnect(definition, "triage", "done", "remind", nodeRegistry))).toBe(
      PROBLEM_CODES.unknownOutcome,
    );
  });

  it("never throws, whatever the definition holds", () => {
    for (const definition of [null, 7, [], { nodes: "x", edges: {} }, { nodes: [null, { id: 1 }] }]) {
      expect(codeOf(canConnect(definition, "a", "b", undefined, smallRegistry))).toBe(
        PROBLEM_CODES.edgeSourceMissing,
      );
    }
  });

  it("is what the validator applies to every saved edge, blaming the later edge", () => {
    // given two edges into "review", which takes one input
    const definition = workflow([
      { id: "e1", source: "start", target: "review" },
      { id: "e2", source: "check", target: "review", outcome: "granted" },
      { id: "e3", source: "review", target: "done", outcome: "declined" },
      { id: "e4", source: "review", target: "check", outcome: "accepted" },
      { id: "e5", source: "check", target: "hold", outcome: "refused" },
      { id: "e6", source: "hold", target: "done" },
    ]);
    // when
    const problems = validateDefinition(definition, { registry: smallRegistry });
    // then
    expect(problems.map(({ code, pointer }) => ({ code, pointer }))).toEqual([
      { code: PROBLEM_CODES.tooManyIncoming, pointer: "/edges/1" },
    ]);
  });
});
