import { type NodeRegistry, nodeOutcomes, type WorkflowDefinition, type WorkflowEdge } from "@flowdesk/core";
import { freshId, takenIds } from "./element-ids.ts";

/** The first outcome of the source that no edge uses yet: approval -> approved, then rejected. */
export const nextOutcome = (
  definition: WorkflowDefinition,
  registry: NodeRegistry,
  sourceId: string,
): string | undefined => {
  const source = definition.nodes.find((node) => node.id === sourceId);
  const descriptor = source && registry[source.type];
  if (!source || !descriptor) return undefined;
  const outcomes = nodeOutcomes(source, descriptor);
  if (outcomes.length === 0) return undefined;
  const used = new Set(
    definition.edges.filter((edge) => edge.source === sourceId).map((edge) => edge.outcome),
  );
  return outcomes.find((outcome) => !used.has(outcome)) ?? outcomes[0];
};

export const createEdge = (
  definition: WorkflowDefinition,
  registry: NodeRegistry,
  sourceId: string,
  targetId: string,
): WorkflowEdge => {
  const outcome = nextOutcome(definition, registry, sourceId);
  const edge: WorkflowEdge = {
    id: freshId("edge", takenIds(definition)),
    source: sourceId,
    target: targetId,
  };
  return outcome ? { ...edge, outcome } : edge;
};
