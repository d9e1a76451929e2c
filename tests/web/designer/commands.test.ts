import type { WorkflowDefinition } from "@flowdesk/core";
import {
  addEdge,
  addNode,
  applyLayout,
  configureEdge,
  configureNode,
  configureWorkflow,
  copyFragment,
  moveNodes,
  pasteFragment,
  rekeyFragment,
  removeEdges,
  removeNodes,
  removeSelection,
  type WorkflowCommand,
} from "@flowdesk/web/designer-model";
import { describe, expect, it } from "vitest";
import fixture from "../fixtures/password-reset.workflow.json" with { type: "json" };

const workflow = (): WorkflowDefinition => structuredClone(fixture) as WorkflowDefinition;

/** Executing then reverting gives back the exact same JSON, key order included. */
const expectRoundTrip = (definition: WorkflowDefinition, command: WorkflowCommand) => {
  const before = JSON.stringify(definition);
  const after = command.execute(definition);
  expect(JSON.stringify(command.revert(after))).toBe(before);
  return after;
};

describe("workflow designer commands", () => {
  it("node.add puts the node and its position in, revert takes both out", () => {
    // given
    const definition = workflow();
    const command = addNode(
      { id: "notify-1", type: "notify", config: { channel: "in-app", body: "Hi" } },
      { x: 5, y: 6 },
    );
    // when
    const after = expectRoundTrip(definition, command);
    // then
    expect(command.name).toBe("node.add");
    expect(after.nodes.at(-1)?.id).toBe("notify-1");
    expect(after.layout?.nodes["notify-1"]).toEqual({ x: 5, y: 6 });
  });

  it("node.move changes only the layout", () => {
    // given
    const definition = workflow();
    const command = moveNodes([{ id: "start-1", from: { x: 0, y: 0 }, to: { x: 30, y: 40 } }]);
    // when
    const after = expectRoundTrip(definition, command);
    // then
    expect(after.layout?.nodes["start-1"]).toEqual({ x: 30, y: 40 });
    expect(after.nodes).toEqual(definition.nodes);
    expect(after.edges).toEqual(definition.edges);
  });

  it("node.remove takes the node's edges along and revert restores their places", () => {
    // given
    const definition = workflow();
    const command = removeNodes(definition, ["decision-1"]);
    // when
    const after = expectRoundTrip(definition, command);
    // then
    expect(after.nodes.map((node) => node.id)).not.toContain("decision-1");
    expect(after.edges.map((edge) => edge.id)).toEqual(["edge-1", "edge-3", "edge-6"]);
    expect(after.layout?.nodes["decision-1"]).toBeUndefined();
  });

  it("node.configure sets name and config", () => {
    // given
    const definition = workflow();
    const command = configureNode(definition, "end-1", { name: "Done", config: { outcome: "done" } });
    // when
    const after = expectRoundTrip(definition, command);
    // then
    expect(after.nodes.find((node) => node.id === "end-1")).toEqual({
      id: "end-1",
      type: "end",
      name: "Done",
      config: { outcome: "done" },
    });
  });

  it("edge.add and edge.remove", () => {
    // given
    const definition = workflow();
    const add = addEdge({ id: "edge-9", source: "start-1", target: "end-1" });
    // when
    const added = expectRoundTrip(definition, add);
    const remove = removeEdges(added, ["edge-9", "edge-1"]);
    const removed = expectRoundTrip(added, remove);
    // then
    expect(added.edges.at(-1)).toEqual({ id: "edge-9", source: "start-1", target: "end-1" });
    expect(removed.edges.map((edge) => edge.id)).toEqual(["edge-2", "edge-3", "edge-4", "edge-5", "edge-6"]);
  });

  it("edge.configure sets outcome, condition and default, leaving empty values out", () => {
    // given
    const definition = workflow();
    const command = configureEdge(definition, "edge-4", {
      condition: 'priority == "P2"',
      isDefault: false,
      name: "",
    });
    // when
    const after = expectRoundTrip(definition, command);
    // then
    expect(after.edges.find((edge) => edge.id === "edge-4")).toEqual({
      id: "edge-4",
      source: "decision-1",
      target: "user-task-1",
      condition: 'priority == "P2"',
    });
  });

  it("selection.paste inserts a copied fragment under fresh ids", () => {
    // given
    const definition = workflow();
    const fragment = rekeyFragment(definition, copyFragment(definition, ["user-task-1", "end-1"]));
    const command = pasteFragment(fragment);
    // when
    const after = expectRoundTrip(definition, command);
    // then
    expect(fragment.nodes.map((node) => node.id)).toEqual(["user-task-2", "end-3"]);
    expect(fragment.edges).toEqual([{ id: "edge-7", source: "user-task-2", target: "end-3" }]);
    expect(after.layout?.nodes["end-3"]).toEqual({ x: 920, y: 40 });
  });

  it("selection.remove deletes nodes and edges as one step", () => {
    // given
    const definition = workflow();
    const command = removeSelection(definition, ["end-2"], ["edge-6"]);
    // when
    const after = expectRoundTrip(definition, command);
    // then
    expect(after.nodes).toHaveLength(5);
    expect(after.edges.map((edge) => edge.id)).toEqual(["edge-1", "edge-2", "edge-4", "edge-5"]);
  });

  it("layout.apply replaces every position", () => {
    // given
    const definition = workflow();
    const command = applyLayout(definition, { nodes: { "start-1": { x: 1, y: 2 } } });
    // when
    const after = expectRoundTrip(definition, command);
    // then
    expect(after.layout).toEqual({ nodes: { "start-1": { x: 1, y: 2 } } });
    expect(after.nodes).toEqual(definition.nodes);
  });

  it("workflow.configure sets title, description and variables", () => {
    // given
    const definition = workflow();
    const command = configureWorkflow(definition, {
      title: "Reset",
      description: "Self-service",
      variables: { type: "object" },
    });
    // when
    const after = expectRoundTrip(definition, command);
    // then
    expect(after).toMatchObject({
      title: "Reset",
      description: "Self-service",
      variables: { type: "object" },
    });
  });
});
