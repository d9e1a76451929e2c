import type { WorkflowDefinition } from "@flowdesk/core";
import { describe, expect, it } from "vitest";
import {
  countsOnVersion,
  focusNodes,
  type PathHistoryEntry,
  pathFromHistory,
  pictureMarks,
  whereItStands,
} from "../../../packages/web/src/workflow-picture/picture-marks.ts";

/** start -> triage -> (fork -> [fix, notify] -> join) or -> reject -> end */
const WORKFLOW = {
  schemaVersion: 1,
  kind: "workflow",
  id: "incident",
  title: "Incident",
  variables: { type: "object" },
  nodes: [
    { id: "start", type: "start", name: "Reported", config: {} },
    { id: "triage", type: "user-task", name: "Triage", config: {} },
    { id: "fork", type: "fork", name: "", config: {} },
    { id: "fix", type: "user-task", name: "Fix", config: {} },
    { id: "notify", type: "notify", name: "Tell the caller", config: {} },
    { id: "join", type: "join", name: "Both done", config: {} },
    { id: "reject", type: "end", name: "Rejected", config: {} },
    { id: "end", type: "end", name: "Resolved", config: {} },
  ],
  edges: [
    { id: "e-start", source: "start", target: "triage" },
    { id: "e-accept", source: "triage", target: "fork", outcome: "accept" },
    { id: "e-reject", source: "triage", target: "reject", outcome: "reject" },
    { id: "e-fix", source: "fork", target: "fix" },
    { id: "e-notify", source: "fork", target: "notify" },
    { id: "e-fix-join", source: "fix", target: "join" },
    { id: "e-notify-join", source: "notify", target: "join" },
    { id: "e-end", source: "join", target: "end" },
  ],
} as unknown as WorkflowDefinition;

const entered = (seq: number, nodeId: string, tokenId: string): PathHistoryEntry => ({
  seq,
  type: "node.entered",
  nodeId,
  tokenId,
});

describe("the path an instance took", () => {
  it("follows one token's steps along the edges between them, ignoring other history", () => {
    // given a token that started, was triaged and went to the fork
    const history = [
      entered(1, "start", "t1"),
      { seq: 2, type: "task.created", nodeId: "triage", tokenId: "t1" },
      entered(3, "triage", "t1"),
      entered(4, "fork", "t1"),
    ];

    // when the path is read
    const path = pathFromHistory(WORKFLOW, history);

    // then the three steps and the two edges between them are taken, the reject edge is not
    expect([...path.nodes]).toEqual(["start", "triage", "fork"]);
    expect([...path.edges].sort()).toEqual(["e-accept", "e-start"]);
  });

  it("joins a fork's new branch tokens to the fork they came from, whatever order history arrives in", () => {
    // given branch tokens t2 and t3 born at the fork, listed out of order
    const history = [
      entered(6, "notify", "t3"),
      entered(1, "start", "t1"),
      entered(5, "fix", "t2"),
      entered(2, "triage", "t1"),
      entered(3, "fork", "t1"),
      entered(7, "join", "t3"),
    ];

    // when the path is read
    const path = pathFromHistory(WORKFLOW, history);

    // then both branches are taken from the fork, and only the branch that reached the join
    expect(path.edges).toEqual(new Set(["e-start", "e-accept", "e-fix", "e-notify", "e-notify-join"]));
    expect(path.nodes.has("end")).toBe(false);
  });

  it("is empty for an instance with no history", () => {
    expect(pathFromHistory(WORKFLOW, [])).toEqual({ nodes: new Set(), edges: new Set() });
  });
});

describe("counts and marks on the picture", () => {
  it("keeps counts for steps the drawn version has, and drops zeros and unknown steps", () => {
    // when counts from the positions endpoint meet the version drawn
    const counts = countsOnVersion(WORKFLOW, { triage: 3, fix: 0, "removed-in-v2": 4 });

    // then only triage keeps a badge
    expect([...counts]).toEqual([["triage", 3]]);
  });

  it("marks counts, the path, and the current steps (a current step counts as visited)", () => {
    // given counts for the workflow and one instance waiting at fix and notify
    const path = pathFromHistory(WORKFLOW, [
      entered(1, "start", "t1"),
      entered(2, "triage", "t1"),
      entered(3, "fork", "t1"),
    ]);

    // when the marks are computed
    const marks = pictureMarks(WORKFLOW, {
      counts: { triage: 2, fix: 1 },
      path,
      current: ["fix", "notify"],
    });

    // then each node carries what the picture shows
    expect(marks.nodes.get("triage")).toEqual({ count: 2, visited: true, current: false });
    expect(marks.nodes.get("fix")).toEqual({ count: 1, visited: true, current: true });
    expect(marks.nodes.get("notify")).toEqual({ visited: true, current: true });
    expect(marks.nodes.get("end")).toEqual({ visited: false, current: false });
    expect(marks.edges).toEqual(new Set(["e-start", "e-accept"]));
  });

  it("says in words where things stand, in the workflow's order, falling back to ids for unnamed steps", () => {
    // given counts at the unnamed fork and at triage, and the instance at triage
    const marks = pictureMarks(WORKFLOW, { counts: { fork: 1, triage: 5 }, current: ["triage"] });

    // when the text alternative is built
    const lines = whereItStands(WORKFLOW, marks);

    // then it lists triage (with count and position) before the fork
    expect(lines).toEqual([
      { nodeId: "triage", name: "Triage", count: 5, current: true },
      { nodeId: "fork", name: "fork", count: 1, current: false },
    ]);
  });
});

describe("what the picture zooms to", () => {
  it("centres on where the instance stands, with its neighbours, before any counts", () => {
    // given counts at triage and an instance standing at fix
    const marks = pictureMarks(WORKFLOW, { counts: { triage: 2 }, current: ["fix"] });

    // then the view takes fix, the fork before it and the join after it, in the workflow's order
    expect(focusNodes(WORKFLOW, marks)).toEqual(["fork", "fix", "join"]);
  });

  it("centres on counted steps when no instance is chosen, and on everything when nothing is marked", () => {
    expect(focusNodes(WORKFLOW, pictureMarks(WORKFLOW, { counts: { triage: 2 } }))).toEqual([
      "start",
      "triage",
      "fork",
      "reject",
    ]);
    expect(focusNodes(WORKFLOW, pictureMarks(WORKFLOW, {}))).toEqual([]);
  });

  it("fits a finished instance to the path it took, not to the whole workflow", () => {
    // given an instance that went start -> triage -> reject and ended there
    const path = { nodes: new Set(["start", "triage", "reject"]), edges: new Set(["e-start"]) };

    // when the picture opens on it, waiting nowhere
    const focus = focusNodes(WORKFLOW, pictureMarks(WORKFLOW, { path, current: [] }));

    // then exactly the visited steps are in view, in the workflow's order
    expect(focus).toEqual(["start", "triage", "reject"]);
  });
});
