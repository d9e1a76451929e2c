import type { NodeRegistry, WorkflowDefinition, WorkflowNode } from "@flowdesk/core";
import { freshId, takenIds } from "./element-ids.ts";

/** A node of `type` as the palette drops it: fresh id, the descriptor's defaults. */
export const createNode = (
  definition: WorkflowDefinition,
  registry: NodeRegistry,
  type: string,
  /** The name in the designer's language; the descriptor's English label otherwise. */
  name?: string,
): WorkflowNode => {
  const descriptor = registry[type];
  if (!descriptor) throw new Error(`Unknown node type ${type}.`);
  return {
    id: freshId(type, takenIds(definition)),
    type,
    name: name ?? descriptor.label,
    config: structuredClone(descriptor.defaults),
  };
};

export const emptyWorkflow = (id: string, title: string): WorkflowDefinition => ({
  schemaVersion: 1,
  kind: "workflow",
  id,
  title,
  variables: { type: "object", properties: {} },
  nodes: [],
  edges: [],
  layout: { nodes: {} },
});
