import type { WorkflowDefinition } from "@flowdesk/core";

/** A readable id that is not used yet: `user-task-3`, `edge-12`. */
export const freshId = (prefix: string, taken: ReadonlySet<string>): string => {
  let counter = 1;
  while (taken.has(`${prefix}-${counter}`)) counter += 1;
  return `${prefix}-${counter}`;
};

export const takenIds = (definition: WorkflowDefinition): Set<string> =>
  new Set([...definition.nodes.map((node) => node.id), ...definition.edges.map((edge) => edge.id)]);
