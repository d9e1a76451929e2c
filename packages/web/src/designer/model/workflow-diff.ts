import type { WorkflowDefinition } from "@flowdesk/core";
import type { ElementStatus } from "./canvas-mapping.ts";

export interface ElementIds {
  nodes: string[];
  edges: string[];
}

/** Same shape as GET /api/workflows/:id/diff. */
export interface WorkflowDiff {
  added: ElementIds;
  removed: ElementIds;
  changed: ElementIds;
}

const stable = (value: unknown): string =>
  JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === "object" && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => a.localeCompare(b)))
      : inner,
  );

const compare = <T extends { id: string }>(from: readonly T[], to: readonly T[]) => {
  const before = new Map(from.map((item) => [item.id, item]));
  const after = new Map(to.map((item) => [item.id, item]));
  return {
    added: to.filter((item) => !before.has(item.id)).map((item) => item.id),
    removed: from.filter((item) => !after.has(item.id)).map((item) => item.id),
    changed: to
      .filter((item) => before.has(item.id) && stable(before.get(item.id)) !== stable(item))
      .map((item) => item.id),
  };
};

/** Semantic difference between two versions; moving a node is not a change. */
export const diffWorkflows = (from: WorkflowDefinition, to: WorkflowDefinition): WorkflowDiff => {
  const nodes = compare(from.nodes, to.nodes);
  const edges = compare(from.edges, to.edges);
  return {
    added: { nodes: nodes.added, edges: edges.added },
    removed: { nodes: nodes.removed, edges: edges.removed },
    changed: { nodes: nodes.changed, edges: edges.changed },
  };
};

/**
 * One definition to draw a diff on: the newer version plus the removed elements of the
 * older one, and the status of each element keyed `node:<id>` / `edge:<id>`.
 */
export const mergeForDiff = (
  from: WorkflowDefinition,
  to: WorkflowDefinition,
  diff: WorkflowDiff,
): { definition: WorkflowDefinition; status: Map<string, ElementStatus> } => {
  const status = new Map<string, ElementStatus>();
  for (const kind of ["added", "removed", "changed"] as const) {
    for (const id of diff[kind].nodes) status.set(`node:${id}`, kind);
    for (const id of diff[kind].edges) status.set(`edge:${id}`, kind);
  }
  const removedNodes = new Set(diff.removed.nodes);
  const removedEdges = new Set(diff.removed.edges);
  const definition: WorkflowDefinition = {
    ...to,
    nodes: [...to.nodes, ...from.nodes.filter((node) => removedNodes.has(node.id))],
    edges: [...to.edges, ...from.edges.filter((edge) => removedEdges.has(edge.id))],
    layout: {
      nodes: {
        ...Object.fromEntries(
          from.nodes
            .filter((node) => removedNodes.has(node.id))
            .flatMap((node) => {
              const at = from.layout?.nodes[node.id];
              return at ? [[node.id, at]] : [];
            }),
        ),
        ...(to.layout?.nodes ?? {}),
      },
    },
  };
  return { definition, status };
};
