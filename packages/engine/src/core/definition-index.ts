import {
  descriptorOf,
  playsRole,
  type WorkflowDefinition,
  type WorkflowEdge,
  type WorkflowNode,
} from "@flowdesk/core";
import { nodeRegistry } from "@flowdesk/nodes";

/**
 * Lookups the core needs on every step, computed once per definition object: nodes by
 * id, outgoing edges by node, the start node and the join closing each fork. Definitions
 * are immutable once published, so caching by object identity is safe.
 */
export interface DefinitionIndex {
  nodes: Map<string, WorkflowNode>;
  outgoing: Map<string, WorkflowEdge[]>;
  edges: Map<string, WorkflowEdge>;
  startNodeId: string | undefined;
  joinOfFork: Map<string, string>;
}

const cache = new WeakMap<WorkflowDefinition, DefinitionIndex>();

export const indexDefinition = (definition: WorkflowDefinition): DefinitionIndex => {
  const cached = cache.get(definition);
  if (cached) return cached;
  const nodes = new Map<string, WorkflowNode>();
  const outgoing = new Map<string, WorkflowEdge[]>();
  const edges = new Map<string, WorkflowEdge>();
  let startNodeId: string | undefined;
  for (const node of definition.nodes) {
    nodes.set(node.id, node);
    outgoing.set(node.id, []);
    if (playsRole(nodeRegistry, node.type, "start") && startNodeId === undefined) startNodeId = node.id;
  }
  for (const edge of definition.edges) {
    edges.set(edge.id, edge);
    outgoing.get(edge.source)?.push(edge);
  }
  const joinOfFork = new Map<string, string>();
  for (const node of definition.nodes) {
    if (!playsRole(nodeRegistry, node.type, "fork")) continue;
    const join = findClosingJoin(node.id, nodes, outgoing);
    if (join !== undefined) joinOfFork.set(node.id, join);
  }
  const index = { nodes, outgoing, edges, startNodeId, joinOfFork };
  cache.set(definition, index);
  return index;
};

/**
 * The join that closes a fork: the first join reached from the fork at nesting depth
 * zero (each fork passed on the way opens a level, each join closes one). Breadth-first,
 * so the nearest matching join wins when branches loop.
 */
const findClosingJoin = (
  forkId: string,
  nodes: Map<string, WorkflowNode>,
  outgoing: Map<string, WorkflowEdge[]>,
): string | undefined => {
  const seen = new Set<string>();
  const queue: { nodeId: string; depth: number }[] = [];
  for (const edge of outgoing.get(forkId) ?? []) queue.push({ nodeId: edge.target, depth: 0 });
  for (let head = 0; head < queue.length; head++) {
    const { nodeId, depth } = queue[head]!;
    const key = `${nodeId}@${depth}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const role = descriptorOf(nodeRegistry, nodes.get(nodeId)?.type)?.flowRole;
    let next = depth;
    if (role === "join") {
      if (depth === 0) return nodeId;
      next = depth - 1;
    } else if (role === "fork") {
      next = depth + 1;
    }
    for (const edge of outgoing.get(nodeId) ?? []) queue.push({ nodeId: edge.target, depth: next });
  }
  return undefined;
};
