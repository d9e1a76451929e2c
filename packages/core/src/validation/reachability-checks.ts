import type { NodeRegistry } from "../node-descriptor.ts";
import { descriptorOf, playsRole } from "../node-knowledge.ts";
import type { Problem } from "../problem.ts";
import type { EdgeEntry, WorkflowGraph } from "../rules/workflow-graph.ts";
import { problem } from "./make-problem.ts";
import { PROBLEM_CODES } from "./problem-codes.ts";

/** Walks edges breadth-first from `roots`; linear in nodes + edges. */
const walk = (
  roots: Iterable<string>,
  next: Map<string, EdgeEntry[]>,
  step: (entry: EdgeEntry) => string,
): Set<string> => {
  const seen = new Set<string>(roots);
  const queue = [...seen];
  for (let head = 0; head < queue.length; head++) {
    for (const entry of next.get(queue[head]!) ?? []) {
      const neighbour = step(entry);
      if (!seen.has(neighbour)) {
        seen.add(neighbour);
        queue.push(neighbour);
      }
    }
  }
  return seen;
};

export const reachableFrom = (graph: WorkflowGraph, roots: Iterable<string>): Set<string> =>
  walk(roots, graph.outgoing, (entry) => entry.edge.target);

/**
 * Every node must be reachable from the start and able to reach an end. A node that is
 * unreachable is reported once for that, not again for not reaching an end.
 */
export const checkReachability = (graph: WorkflowGraph, registry: NodeRegistry): Problem[] => {
  const problems: Problem[] = [];
  // A broken edge is reported on the edge; paths through it are unknown, so judging
  // reachability now would only blame its neighbours for it.
  if (graph.brokenEdges > 0) return problems;
  const starts = graph.nodes
    .filter((entry) => playsRole(registry, entry.node.type, "start"))
    .map((entry) => entry.node.id);
  if (starts.length === 0) return problems;
  const ends = graph.nodes
    .filter((entry) => descriptorOf(registry, entry.node.type)?.ports.outputs === "none")
    .map((entry) => entry.node.id);
  const reached = reachableFrom(graph, starts);
  const reachesEnd = walk(ends, graph.incoming, (entry) => entry.edge.source);
  for (const entry of graph.nodes) {
    if (graph.byId.get(entry.node.id) !== entry) continue;
    if (!reached.has(entry.node.id)) {
      problems.push(
        problem(
          PROBLEM_CODES.unreachableNode,
          `/nodes/${entry.index}`,
          `Node "${entry.node.id}" can never be reached from the start.`,
          "error",
          { node: entry.node.id },
        ),
      );
    } else if (!reachesEnd.has(entry.node.id)) {
      problems.push(
        problem(
          PROBLEM_CODES.cannotReachEnd,
          `/nodes/${entry.index}`,
          `From node "${entry.node.id}" no path leads to an end, so requests passing it never finish.`,
          "error",
          { node: entry.node.id },
        ),
      );
    }
  }
  return problems;
};
