import type { NodeRegistry } from "../node-descriptor.ts";
import { descriptorOf, playsRole } from "../node-knowledge.ts";
import type { Problem } from "../problem.ts";
import type { WorkflowGraph } from "../rules/workflow-graph.ts";
import { problem } from "./make-problem.ts";
import { PROBLEM_CODES } from "./problem-codes.ts";

/** The forks a token is inside of, innermost first; shared tails keep this linear. */
interface ForkStack {
  fork: string;
  outer: ForkStack | undefined;
}

/**
 * A join waits for the branches its fork started, so every edge into a join must come
 * from branches of the same fork. One forward pass from the start labels each node with
 * the forks it sits inside (first visit wins), then each join compares its inputs.
 */
export const checkJoins = (graph: WorkflowGraph, registry: NodeRegistry): Problem[] => {
  const joins = graph.nodes.filter(
    (entry) => playsRole(registry, entry.node.type, "join") && graph.byId.get(entry.node.id) === entry,
  );
  if (joins.length === 0) return [];
  const inside = new Map<string, ForkStack | undefined>();
  const queue: string[] = [];
  for (const entry of graph.nodes) {
    if (playsRole(registry, entry.node.type, "start") && !inside.has(entry.node.id)) {
      inside.set(entry.node.id, undefined);
      queue.push(entry.node.id);
    }
  }
  const leaving = (nodeId: string): ForkStack | undefined => {
    const stack = inside.get(nodeId);
    const role = descriptorOf(registry, graph.byId.get(nodeId)?.node.type)?.flowRole;
    if (role === "fork") return { fork: nodeId, outer: stack };
    if (role === "join") return stack?.outer;
    return stack;
  };
  for (let head = 0; head < queue.length; head++) {
    const nodeId = queue[head]!;
    const out = leaving(nodeId);
    for (const edge of graph.outgoing.get(nodeId) ?? []) {
      const target = edge.edge.target;
      if (inside.has(target) || !graph.byId.has(target)) continue;
      inside.set(target, out);
      queue.push(target);
    }
  }
  const problems: Problem[] = [];
  for (const join of joins) {
    const forks = new Set<string | undefined>();
    for (const edge of graph.incoming.get(join.node.id) ?? []) {
      if (!inside.has(edge.edge.source)) continue;
      forks.add(leaving(edge.edge.source)?.fork);
    }
    if (forks.size === 0) continue;
    if (forks.size > 1 || forks.has(undefined)) {
      const named = [...forks].filter((fork): fork is string => fork !== undefined);
      problems.push(
        problem(
          PROBLEM_CODES.joinMixesForks,
          `/nodes/${join.index}`,
          named.length === 0
            ? `Join "${join.node.id}" is not preceded by a fork, so it would wait for branches that never start.`
            : `Join "${join.node.id}" merges paths that do not all come from one fork (${named.join(", ")}${forks.has(undefined) ? ", and a path outside any fork" : ""}).`,
          "error",
          named.length === 0
            ? { node: join.node.id, variant: "noFork" }
            : {
                node: join.node.id,
                forks: named.join(", "),
                variant: forks.has(undefined) ? "outside" : "mixed",
              },
        ),
      );
    }
  }
  return problems;
};
