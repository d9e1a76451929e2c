import type { WorkflowDefinition, WorkflowLayout } from "@flowdesk/core";
import ELK from "elkjs/lib/elk.bundled.js";

export const NODE_WIDTH = 180;
export const NODE_HEIGHT = 64;

const elk = new ELK();

/** Left-to-right layered layout computed by elkjs; returns positions only. */
export const computeLayout = async (definition: WorkflowDefinition): Promise<WorkflowLayout> => {
  const graph = await elk.layout({
    id: "workflow",
    layoutOptions: {
      "elk.algorithm": "layered",
      "elk.direction": "RIGHT",
      "elk.spacing.nodeNode": "48",
      "elk.layered.spacing.nodeNodeBetweenLayers": "80",
    },
    children: definition.nodes.map((node) => ({ id: node.id, width: NODE_WIDTH, height: NODE_HEIGHT })),
    edges: definition.edges.map((edge) => ({ id: edge.id, sources: [edge.source], targets: [edge.target] })),
  });
  return {
    nodes: Object.fromEntries(
      (graph.children ?? []).map((child) => [
        child.id,
        { x: Math.round(child.x ?? 0), y: Math.round(child.y ?? 0) },
      ]),
    ),
  };
};
