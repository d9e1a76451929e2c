import type { WorkflowDefinition } from "@flowdesk/core";
import {
  DesignerStore,
  diffWorkflows,
  fromCanvas,
  indexProblems,
  mergeForDiff,
  moveNodes,
  problemsAbout,
  removeNodes,
  toCanvas,
} from "@flowdesk/web/designer-model";
import { describe, expect, it } from "vitest";
import fixture from "../fixtures/password-reset.workflow.json" with { type: "json" };

const workflow = (): WorkflowDefinition => structuredClone(fixture) as WorkflowDefinition;

describe("canvas <-> definition mapping", () => {
  it("a round trip through the canvas loses nothing", () => {
    // given
    const definition = workflow();
    // when
    const canvas = toCanvas(definition);
    const back = fromCanvas(definition, canvas.nodes, canvas.edges);
    // then
    expect(back).toEqual(definition);
  });

  it("a moved canvas node changes only the layout", () => {
    // given
    const definition = workflow();
    const canvas = toCanvas(definition);
    // when
    const moved = canvas.nodes.map((node) =>
      node.id === "end-2" ? { ...node, position: { x: 1, y: 2 } } : node,
    );
    const back = fromCanvas(definition, moved, canvas.edges);
    // then
    expect(back.layout?.nodes["end-2"]).toEqual({ x: 1, y: 2 });
    expect(back.nodes).toEqual(definition.nodes);
  });

  it("nodes without a stored position still get one", () => {
    // given
    const { layout: _layout, ...withoutLayout } = workflow();
    // when
    const canvas = toCanvas(withoutLayout);
    // then
    expect(new Set(canvas.nodes.map((node) => `${node.position.x},${node.position.y}`)).size).toBe(6);
  });

  it("problems are attached to the node or edge their pointer names", () => {
    // given
    const definition = workflow();
    const problems = [
      { code: "FD1", severity: "error" as const, pointer: "/nodes/2/config", message: "a" },
      { code: "FD2", severity: "error" as const, pointer: "/edges/4/condition", message: "b" },
      { code: "FD3", severity: "warning" as const, pointer: "", message: "c" },
    ];
    // when
    const index = indexProblems(definition, problems);
    const canvas = toCanvas(definition, { problems: index });
    // then
    expect(canvas.nodes.find((node) => node.id === "decision-1")?.data.problems.map((p) => p.code)).toEqual([
      "FD1",
    ]);
    expect(canvas.edges.find((edge) => edge.id === "edge-5")?.data.problems.map((p) => p.code)).toEqual([
      "FD2",
    ]);
  });

  it("problemsAbout picks the problems whose pointer names one step or connection", () => {
    // given
    const checked = workflow();
    const problems = [
      { code: "FD1", severity: "error" as const, pointer: "/nodes/2/config", message: "a" },
      { code: "FD2", severity: "error" as const, pointer: "/nodes/3", message: "b" },
      { code: "FD3", severity: "error" as const, pointer: "/edges/4/condition", message: "c" },
    ];
    // when
    const aboutDecision = problemsAbout(checked, problems, { kind: "node", id: "decision-1" });
    const aboutEdge = problemsAbout(checked, problems, { kind: "edge", id: "edge-5" });
    // then
    expect(aboutDecision.map((problem) => problem.code)).toEqual(["FD1"]);
    expect(aboutEdge.map((problem) => problem.code)).toEqual(["FD3"]);
  });

  it("edges show their condition or outcome as label", () => {
    // given
    const definition = workflow();
    // when
    const labels = toCanvas(definition).edges.map((edge) => edge.label ?? null);
    // then
    expect(labels).toEqual([null, "approved", "rejected", 'priority == "P1"', "(default)", null]);
  });
});

describe("version diff", () => {
  it("reports added, removed and changed elements, ignoring moves", () => {
    // given
    const from = workflow();
    const to = removeNodes(from, ["end-2"]).execute(from);
    to.nodes = to.nodes.map((node) => (node.id === "end-1" ? { ...node, name: "Closed" } : node));
    to.nodes.push({ id: "notify-1", type: "notify", config: {} });
    const moved = moveNodes([{ id: "start-1", from: undefined, to: { x: 9, y: 9 } }]).execute(to);
    // when
    const diff = diffWorkflows(from, moved);
    const merged = mergeForDiff(from, moved, diff);
    // then
    expect(diff).toEqual({
      added: { nodes: ["notify-1"], edges: [] },
      removed: { nodes: ["end-2"], edges: ["edge-3"] },
      changed: { nodes: ["end-1"], edges: [] },
    });
    expect(merged.definition.nodes.map((node) => node.id)).toContain("end-2");
    expect(merged.status.get("node:end-2")).toBe("removed");
  });
});

describe("designer store", () => {
  it("undo and redo walk the command stack and drop a selection of removed nodes", () => {
    // given
    const store = new DesignerStore(workflow());
    store.select({ nodes: ["end-2"], edges: [] });
    // when
    store.dispatch(removeNodes(store.getState().definition, ["end-2"]));
    const afterRemove = store.getState();
    store.undo();
    const afterUndo = store.getState();
    store.redo();
    // then
    expect(afterRemove.selection.nodes).toEqual([]);
    expect(afterRemove.canUndo).toBe(true);
    expect(afterUndo.definition).toEqual(workflow());
    expect(afterUndo.canRedo).toBe(true);
    expect(store.getState().definition.nodes).toHaveLength(5);
  });
});
