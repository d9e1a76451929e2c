import type { WorkflowDefinition } from "@flowdesk/core";

export interface Point {
  x: number;
  y: number;
}

/** Positions are optional in a definition; nodes without one are laid out on a grid. */
export const nodePosition = (definition: WorkflowDefinition, nodeId: string): Point => {
  const stored = definition.layout?.nodes[nodeId];
  if (stored) return stored;
  const index = Math.max(
    0,
    definition.nodes.findIndex((node) => node.id === nodeId),
  );
  return { x: 80 + (index % 6) * 220, y: 80 + Math.floor(index / 6) * 140 };
};

export const withPositions = (
  definition: WorkflowDefinition,
  positions: Record<string, Point | undefined>,
): WorkflowDefinition => {
  const nodes = { ...(definition.layout?.nodes ?? {}) };
  for (const [id, point] of Object.entries(positions)) {
    if (point) nodes[id] = { x: point.x, y: point.y };
    else delete nodes[id];
  }
  return { ...definition, layout: { ...definition.layout, nodes } };
};
