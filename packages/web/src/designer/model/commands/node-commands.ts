import type { WorkflowDefinition, WorkflowEdge, WorkflowNode } from "@flowdesk/core";
import { type Point, withPositions } from "../layout-positions.ts";
import type { WorkflowCommand } from "../workflow-command.ts";

/** Drops a new node on the canvas at `position`. */
export const addNode = (node: WorkflowNode, position: Point): WorkflowCommand => ({
  name: "node.add",
  execute: (definition) =>
    withPositions({ ...definition, nodes: [...definition.nodes, node] }, { [node.id]: position }),
  revert: (definition) =>
    withPositions(
      { ...definition, nodes: definition.nodes.filter((candidate) => candidate.id !== node.id) },
      { [node.id]: undefined },
    ),
});

export interface NodeMove {
  id: string;
  from: Point | undefined;
  to: Point;
}

/** Moves one or several nodes; the layout changes, the semantics never do. */
export const moveNodes = (moves: readonly NodeMove[]): WorkflowCommand => ({
  name: "node.move",
  execute: (definition) => withPositions(definition, Object.fromEntries(moves.map((m) => [m.id, m.to]))),
  revert: (definition) => withPositions(definition, Object.fromEntries(moves.map((m) => [m.id, m.from]))),
});

interface Removed<T> {
  index: number;
  item: T;
}

const reinsert = <T>(list: readonly T[], removed: readonly Removed<T>[]): T[] => {
  const result = [...list];
  for (const { index, item } of [...removed].sort((a, b) => a.index - b.index)) {
    result.splice(index, 0, item);
  }
  return result;
};

/**
 * Removes nodes together with every edge touching them. The removed items remember
 * their index so undo puts them back where they were in the JSON, keeping diffs clean.
 */
export const removeNodes = (definition: WorkflowDefinition, nodeIds: readonly string[]): WorkflowCommand => {
  const ids = new Set(nodeIds);
  const nodes: Removed<WorkflowNode>[] = [];
  definition.nodes.forEach((item, index) => {
    if (ids.has(item.id)) nodes.push({ index, item });
  });
  const edges: Removed<WorkflowEdge>[] = [];
  definition.edges.forEach((item, index) => {
    if (ids.has(item.source) || ids.has(item.target)) edges.push({ index, item });
  });
  // Commands revert in stack order, so the layout at revert time is the one execute left:
  // restoring the earlier layout puts positions back in their original key order.
  const layoutBefore = definition.layout;
  const edgeIds = new Set(edges.map(({ item }) => item.id));
  return {
    name: "node.remove",
    execute: (current) =>
      withPositions(
        {
          ...current,
          nodes: current.nodes.filter((node) => !ids.has(node.id)),
          edges: current.edges.filter((edge) => !edgeIds.has(edge.id)),
        },
        Object.fromEntries(nodes.map(({ item }) => [item.id, undefined])),
      ),
    revert: (current) => {
      const { layout: _current, ...rest } = current;
      const restored = {
        ...rest,
        nodes: reinsert(current.nodes, nodes),
        edges: reinsert(current.edges, edges),
      };
      return layoutBefore ? { ...restored, layout: layoutBefore } : restored;
    },
  };
};

export interface NodeSettings {
  name?: string;
  config: Record<string, unknown>;
}

const applySettings = (node: WorkflowNode, settings: NodeSettings): WorkflowNode => {
  const { name: _previous, ...rest } = node;
  return settings.name === undefined || settings.name === ""
    ? { ...rest, config: settings.config }
    : { ...rest, name: settings.name, config: settings.config };
};

/** Changes a node's name and configuration (the side panel); revert restores the node as it was. */
export const configureNode = (
  definition: WorkflowDefinition,
  nodeId: string,
  after: NodeSettings,
): WorkflowCommand => {
  const original = definition.nodes.find((candidate) => candidate.id === nodeId);
  if (!original) throw new Error(`No node ${nodeId} in the workflow.`);
  const replace = (make: (node: WorkflowNode) => WorkflowNode) => (current: WorkflowDefinition) => ({
    ...current,
    nodes: current.nodes.map((candidate) => (candidate.id === nodeId ? make(candidate) : candidate)),
  });
  return {
    name: "node.configure",
    mergeKey: `node.configure:${nodeId}`,
    execute: replace((node) => applySettings(node, after)),
    revert: replace(() => original),
  };
};
