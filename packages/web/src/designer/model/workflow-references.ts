import { calledWorkflow, type WorkflowDefinition } from "@flowdesk/core";
import { nodeRegistry } from "@flowdesk/nodes/descriptors";

/** The API collections a workflow can refer into. */
export type ReferencedCollection = "workflows" | "forms" | "sla-policies";

/*
 * The definitions a workflow names (its forms, subprocess workflows, SLA policy). The
 * validator needs them as `related` to know which variables the forms provide; without
 * them every variable a form fills in is reported as unverified (FD3020).
 */

export interface Reference {
  segment: ReferencedCollection;
  id: string;
}

const asId = (value: unknown): string | undefined =>
  typeof value === "string" && value.length > 0 ? value : undefined;

/** Every definition the workflow refers to, once each, in a stable order. */
export const referencesOf = (definition: WorkflowDefinition): Reference[] => {
  const found = new Map<string, Reference>();
  const add = (segment: ReferencedCollection, id: string | undefined) => {
    if (id !== undefined) found.set(`${segment}/${id}`, { segment, id });
  };
  add("sla-policies", asId((definition as { slaPolicy?: unknown }).slaPolicy));
  for (const node of definition.nodes) {
    const config = node.config as Record<string, unknown> | undefined;
    if (!config) continue;
    add("forms", asId(config.form));
    const workflow = calledWorkflow(nodeRegistry, node);
    if (workflow !== definition.id) add("workflows", asId(workflow));
  }
  return [...found.values()].sort((left, right) =>
    `${left.segment}/${left.id}` < `${right.segment}/${right.id}` ? -1 : 1,
  );
};

/** One string per set of references: the related definitions reload only when it changes. */
export const referencesKey = (references: readonly Reference[]): string =>
  references.map((reference) => `${reference.segment}/${reference.id}`).join("\n");
