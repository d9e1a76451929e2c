import type { Problem, WorkflowDefinition, WorkflowEdge, WorkflowNode } from "@flowdesk/core";
import { nodePosition, type Point } from "./layout-positions.ts";

/*
 * The canvas shows the definition; it never owns it. Canvas nodes and edges carry the
 * definition's node or edge untouched in `data`, positions come from `layout`, so going
 * definition -> canvas -> definition loses nothing and never mixes layout into semantics.
 */

export type ElementStatus = "added" | "removed" | "changed";

export interface CanvasNodeData extends Record<string, unknown> {
  node: WorkflowNode;
  problems: Problem[];
  status?: ElementStatus;
}

export interface CanvasEdgeData extends Record<string, unknown> {
  edge: WorkflowEdge;
  problems: Problem[];
  status?: ElementStatus;
}

export interface CanvasNode {
  id: string;
  type: "workflowNode";
  position: Point;
  data: CanvasNodeData;
  selected?: boolean;
}

export interface CanvasEdge {
  id: string;
  source: string;
  target: string;
  label?: string;
  data: CanvasEdgeData;
  selected?: boolean;
}

export interface CanvasDecoration {
  problems?: ProblemIndex;
  selectedNodes?: ReadonlySet<string>;
  selectedEdges?: ReadonlySet<string>;
  status?: ReadonlyMap<string, ElementStatus>;
  /** The word marking a default edge, in the designer's language. */
  defaultWord?: string;
}

export interface ProblemIndex {
  nodes: ReadonlyMap<string, Problem[]>;
  edges: ReadonlyMap<string, Problem[]>;
}

/** The text an edge shows: its name, else its condition or outcome. */
export const edgeLabel = (edge: WorkflowEdge, defaultWord = "default"): string | undefined =>
  edge.name ??
  (edge.isDefault ? `${edge.condition ?? ""} (${defaultWord})`.trim() : (edge.condition ?? edge.outcome));

export const toCanvas = (
  definition: WorkflowDefinition,
  decoration: CanvasDecoration = {},
): { nodes: CanvasNode[]; edges: CanvasEdge[] } => ({
  nodes: definition.nodes.map((node) => {
    const status = decoration.status?.get(`node:${node.id}`);
    return {
      id: node.id,
      type: "workflowNode",
      position: nodePosition(definition, node.id),
      data: { node, problems: decoration.problems?.nodes.get(node.id) ?? [], ...(status ? { status } : {}) },
      selected: decoration.selectedNodes?.has(node.id) ?? false,
    };
  }),
  edges: definition.edges.map((edge) => {
    const status = decoration.status?.get(`edge:${edge.id}`);
    const label = edgeLabel(edge, decoration.defaultWord);
    return {
      id: edge.id,
      source: edge.source,
      target: edge.target,
      ...(label ? { label } : {}),
      data: { edge, problems: decoration.problems?.edges.get(edge.id) ?? [], ...(status ? { status } : {}) },
      selected: decoration.selectedEdges?.has(edge.id) ?? false,
    };
  }),
});

/** Rebuilds the definition from what the canvas shows (positions included). */
export const fromCanvas = (
  base: WorkflowDefinition,
  nodes: readonly Pick<CanvasNode, "id" | "position" | "data">[],
  edges: readonly Pick<CanvasEdge, "data">[],
): WorkflowDefinition => ({
  ...base,
  nodes: nodes.map((node) => node.data.node),
  edges: edges.map((edge) => edge.data.edge),
  layout: {
    ...base.layout,
    nodes: Object.fromEntries(nodes.map((node) => [node.id, { x: node.position.x, y: node.position.y }])),
  },
});

/** Which node or edge a problem's JSON pointer is about (`/nodes/3/config/x` -> node 3). */
export const indexProblems = (definition: WorkflowDefinition, problems: readonly Problem[]): ProblemIndex => {
  const nodes = new Map<string, Problem[]>();
  const edges = new Map<string, Problem[]>();
  for (const problem of problems) {
    const target = problemTarget(definition, problem);
    if (!target) continue;
    const map = target.kind === "node" ? nodes : edges;
    map.set(target.id, [...(map.get(target.id) ?? []), problem]);
  }
  return { nodes, edges };
};

/** The problems about one node or edge of `definition`. */
export const problemsAbout = (
  definition: WorkflowDefinition,
  problems: readonly Problem[],
  about: { kind: "node" | "edge"; id: string },
): Problem[] =>
  problems.filter((problem) => {
    const target = problemTarget(definition, problem);
    return target?.kind === about.kind && target.id === about.id;
  });

export const problemTarget = (
  definition: WorkflowDefinition,
  problem: Pick<Problem, "pointer">,
): { kind: "node" | "edge"; id: string } | undefined => {
  const match = /^\/(nodes|edges|layout\/nodes)\/([^/]+)/.exec(problem.pointer);
  if (!match) return undefined;
  const [, collection, key] = match;
  if (collection === "layout/nodes")
    return { kind: "node", id: key!.replace(/~1/g, "/").replace(/~0/g, "~") };
  const index = Number(key);
  const element = collection === "nodes" ? definition.nodes[index] : definition.edges[index];
  if (!element) return undefined;
  return { kind: collection === "nodes" ? "node" : "edge", id: element.id };
};
