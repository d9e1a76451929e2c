import { upgradeInstanceState, type WorkflowDefinition } from "@flowdesk/core";
import { describe, expect, it } from "vitest";
import { fixture, runEvents, startEvent } from "./harness.ts";

const withAssignee = (assignee: unknown): WorkflowDefinition => {
  const definition = structuredClone(fixture("simple-task.workflow.json"));
  definition.nodes[1]!.config = { ...definition.nodes[1]!.config, assignee };
  return definition;
};

const assignmentOf = (definition: WorkflowDefinition, data: Record<string, unknown> = {}) =>
  runEvents(definition, [startEvent(data)]).state.tasks["task-1"]?.assignment;

describe("assignee rules", () => {
  it("resolve users, groups and roles as given", () => {
    // given each kind of fixed rule
    // when an instance starts
    // then the task is assigned as written
    expect(assignmentOf(withAssignee({ kind: "user", user: "bob" }))).toEqual({ kind: "user", user: "bob" });
    expect(assignmentOf(withAssignee({ kind: "role", role: "incident-manager" }))).toEqual({
      kind: "role",
      role: "incident-manager",
    });
  });

  it("resolve an expression to a user name or a {group} object from the variables", () => {
    // given rules computed from the request
    const toManager = withAssignee({ kind: "expression", expression: "manager" });
    const byCategory = withAssignee({
      kind: "expression",
      expression: 'category == "network" ? {"group": "network-ops"} : {"group": "service-desk"}',
    });

    // when instances start
    // then the expression picks the concrete assignee
    expect(assignmentOf(toManager, { manager: "cleo" })).toEqual({ kind: "user", user: "cleo" });
    expect(assignmentOf(byCategory, { category: "network" })).toEqual({
      kind: "group",
      group: "network-ops",
    });
  });

  it("open an FD5024 incident when the expression gives nobody", () => {
    // given a rule that yields an empty list
    const nobody = withAssignee({ kind: "expression", expression: "[]" });

    // when an instance starts
    const { state } = runEvents(nobody, [startEvent()]);

    // then no task exists and the step has an incident
    expect(state.tasks).toEqual({});
    expect(Object.values(state.incidents).map((incident) => incident.error.code)).toEqual(["FD5024"]);
  });
});

describe("upgradeInstanceState", () => {
  it("fills collections an early writer left out", () => {
    // given a minimal version-1 state
    const saved = {
      stateVersion: 1,
      instanceId: "inc-1",
      definitionId: "simple-task",
      status: "completed",
      requester: "alice",
      startedAt: "2026-03-02T14:00:00.000Z",
    };

    // when it is upgraded
    const state = upgradeInstanceState(saved);

    // then every collection is present and empty
    expect(state).toMatchObject({ variables: {}, tokens: {}, tasks: {}, jobs: {}, forks: {}, incidents: {} });
  });

  it("refuses states from a newer Flowdesk and unreadable ones with stable codes", () => {
    // given a state from the future and garbage
    // when they are upgraded
    // then both are refused
    expect(() => upgradeInstanceState({ stateVersion: 99 })).toThrowError(
      expect.objectContaining({ code: "FD5011" }),
    );
    expect(() => upgradeInstanceState("{}")).toThrowError(expect.objectContaining({ code: "FD5010" }));
    expect(() => upgradeInstanceState({ stateVersion: 1 })).toThrowError(
      expect.objectContaining({ code: "FD5010" }),
    );
  });
});
