import type { WorkflowDefinition } from "@flowdesk/core";
import type { WorkflowFragment } from "./commands/selection-commands.ts";
import { freshId, takenIds } from "./element-ids.ts";
import { nodePosition } from "./layout-positions.ts";

/** Copies the selected nodes and the edges running between them. */
export const copyFragment = (
  definition: WorkflowDefinition,
  nodeIds: readonly string[],
): WorkflowFragment => {
  const ids = new Set(nodeIds);
  const nodes = definition.nodes.filter((node) => ids.has(node.id));
  const edges = definition.edges.filter((edge) => ids.has(edge.source) && ids.has(edge.target));
  const layout = {
    nodes: Object.fromEntries(nodes.map((node) => [node.id, nodePosition(definition, node.id)])),
  };
  return structuredClone({ nodes, edges, layout });
};

/** Gives every node and edge of a fragment a fresh id and shifts it so copies don't hide originals. */
export const rekeyFragment = (
  definition: WorkflowDefinition,
  fragment: WorkflowFragment,
  offset = { x: 40, y: 40 },
): WorkflowFragment => {
  const taken = takenIds(definition);
  const renamed = new Map<string, string>();
  for (const node of fragment.nodes) {
    const id = freshId(node.type, taken);
    taken.add(id);
    renamed.set(node.id, id);
  }
  const nodes = fragment.nodes.map((node) => ({ ...structuredClone(node), id: renamed.get(node.id)! }));
  const edges = fragment.edges.map((edge) => {
    const id = freshId("edge", taken);
    taken.add(id);
    return {
      ...structuredClone(edge),
      id,
      source: renamed.get(edge.source)!,
      target: renamed.get(edge.target)!,
    };
  });
  const layout = {
    nodes: Object.fromEntries(
      fragment.nodes.map((node) => {
        const at = fragment.layout.nodes[node.id] ?? { x: 0, y: 0 };
        return [renamed.get(node.id)!, { x: at.x + offset.x, y: at.y + offset.y }];
      }),
    ),
  };
  return { nodes, edges, layout };
};
