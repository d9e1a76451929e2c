import type { WorkflowEdge, WorkflowNode } from "../definitions/index.ts";

/**
 * An indexed, defensive view of a workflow's nodes and edges: built once in linear
 * time, it tolerates any input (missing arrays, non-objects, duplicate ids) so the rules
 * and checks that read it never throw.
 */
export interface NodeEntry {
  node: WorkflowNode;
  index: number;
}

export interface EdgeEntry {
  edge: WorkflowEdge;
  index: number;
}

export interface WorkflowGraph {
  id: string | undefined;
  nodes: NodeEntry[];
  /** First node with each id; later duplicates are reported, not indexed. */
  byId: Map<string, NodeEntry>;
  edges: EdgeEntry[];
  outgoing: Map<string, EdgeEntry[]>;
  incoming: Map<string, EdgeEntry[]>;
  /** Edges lacking a source or target, or pointing at a node that does not exist. */
  brokenEdges: number;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value);

const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

const push = (map: Map<string, EdgeEntry[]>, key: string, entry: EdgeEntry): void => {
  const list = map.get(key);
  if (list) list.push(entry);
  else map.set(key, [entry]);
};

export const buildWorkflowGraph = (definition: unknown): WorkflowGraph => {
  const record = isRecord(definition) ? definition : {};
  const graph: WorkflowGraph = {
    id: typeof record.id === "string" ? record.id : undefined,
    nodes: [],
    byId: new Map(),
    edges: [],
    outgoing: new Map(),
    incoming: new Map(),
    brokenEdges: 0,
  };
  asArray(record.nodes).forEach((node, index) => {
    if (!isRecord(node) || typeof node.id !== "string" || typeof node.type !== "string") return;
    // Copy only when config is unusable, so the checks can always read node.config.
    const usable = isRecord(node.config)
      ? (node as unknown as WorkflowNode)
      : { ...(node as unknown as WorkflowNode), config: {} };
    const entry: NodeEntry = { node: usable, index };
    graph.nodes.push(entry);
    if (!graph.byId.has(node.id)) graph.byId.set(node.id, entry);
  });
  asArray(record.edges).forEach((edge, index) => {
    if (!isRecord(edge) || typeof edge.source !== "string" || typeof edge.target !== "string") {
      graph.brokenEdges++;
      return;
    }
    if (!graph.byId.has(edge.source) || !graph.byId.has(edge.target)) graph.brokenEdges++;
    const entry: EdgeEntry = { edge: edge as unknown as WorkflowEdge, index };
    graph.edges.push(entry);
    push(graph.outgoing, edge.source, entry);
    push(graph.incoming, edge.target, entry);
  });
  return graph;
};

/** The outcome an edge names, or undefined for an unnamed edge (a non-string counts as none). */
export const edgeOutcome = (edge: WorkflowEdge): string | undefined =>
  typeof edge.outcome === "string" ? edge.outcome : undefined;
