import type { WorkflowDefinition, WorkflowLayout } from "@flowdesk/core";
import type { ELK as ElkEngine } from "elkjs/lib/elk.bundled.js";

export const NODE_WIDTH = 180;
export const NODE_HEIGHT = 64;

let engine: Promise<ElkEngine> | undefined;
// elkjs is large: load it the first time someone asks for a layout, not with the app.
const elkEngine = (): Promise<ElkEngine> => {
  engine ??= import("elkjs/lib/elk.bundled.js").then(({ default: ELK }) => new ELK());
  return engine;
};

/** Left-to-right layered layout computed by elkjs; returns positions only. */
export const computeLayout = async (definition: WorkflowDefinition): Promise<WorkflowLayout> => {
  const elk = await elkEngine();
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
