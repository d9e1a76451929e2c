import type { WorkflowDefinition, WorkflowEdge } from "@flowdesk/core";
import type { WorkflowCommand } from "../workflow-command.ts";

/** Connects two nodes; whether they may be connected is decided before, by canConnect. */
export const addEdge = (edge: WorkflowEdge): WorkflowCommand => ({
  name: "edge.add",
  execute: (definition) => ({ ...definition, edges: [...definition.edges, edge] }),
  revert: (definition) => ({
    ...definition,
    edges: definition.edges.filter((candidate) => candidate.id !== edge.id),
  }),
});

export const removeEdges = (definition: WorkflowDefinition, edgeIds: readonly string[]): WorkflowCommand => {
  const ids = new Set(edgeIds);
  const removed = definition.edges.flatMap((item, index) => (ids.has(item.id) ? [{ index, item }] : []));
  return {
    name: "edge.remove",
    execute: (current) => ({ ...current, edges: current.edges.filter((edge) => !ids.has(edge.id)) }),
    revert: (current) => {
      const edges = [...current.edges];
      for (const { index, item } of removed) edges.splice(index, 0, item);
      return { ...current, edges };
    },
  };
};

/** The semantic settings of an edge: which outcome it leaves by, its condition, default. */
export type EdgeSettings = Pick<WorkflowEdge, "outcome" | "condition" | "isDefault" | "name">;

const SETTING_KEYS = ["outcome", "condition", "isDefault", "name"] as const;

const applyEdgeSettings = (edge: WorkflowEdge, settings: EdgeSettings): WorkflowEdge => {
  const result: WorkflowEdge = { id: edge.id, source: edge.source, target: edge.target };
  for (const key of SETTING_KEYS) {
    const value = settings[key];
    // Empty values are left out so a saved definition holds no `condition: ""`.
    if (value !== undefined && value !== "" && value !== false) Object.assign(result, { [key]: value });
  }
  return result;
};

/** Sets outcome, condition, default flag or name of an edge (the edge side panel). */
export const configureEdge = (
  definition: WorkflowDefinition,
  edgeId: string,
  after: EdgeSettings,
): WorkflowCommand => {
  const index = definition.edges.findIndex((candidate) => candidate.id === edgeId);
  const original = definition.edges[index];
  if (!original) throw new Error(`No edge ${edgeId} in the workflow.`);
  return {
    name: "edge.configure",
    mergeKey: `edge.configure:${edgeId}`,
    execute: (current) => ({
      ...current,
      edges: current.edges.map((edge) => (edge.id === edgeId ? applyEdgeSettings(edge, after) : edge)),
    }),
    revert: (current) => ({
      ...current,
      edges: current.edges.map((edge) => (edge.id === edgeId ? original : edge)),
    }),
  };
};
