import type { DefinitionKind } from "../definitions/index.ts";
import type { NodeRegistry } from "../node-descriptor.ts";
import type { Problem } from "../problem.ts";
import { buildWorkflowGraph, type WorkflowGraph } from "../rules/workflow-graph.ts";
import { variableEnums } from "./decision-checks.ts";
import type { KnownEnums } from "./decision-exhaustiveness.ts";
import type { DefinitionIndex } from "./definition-index.ts";
import { checkWorkflowExpressions } from "./expression-checks.ts";
import { checkWorkflowGraph } from "./graph-checks.ts";
import { checkDirectory, checkForm, checkSlaPolicy } from "./kind-checks.ts";
import { checkNodeConfigs } from "./node-config-checks.ts";
import { checkReferences } from "./reference-checks.ts";

/**
 * The semantics of one definition beyond its JSON Schema: node settings, graph and
 * expressions for workflows, and, when it is part of a set, its references.
 */
export const checkSemantics = (
  kind: DefinitionKind,
  document: Record<string, unknown>,
  registry: NodeRegistry,
  index: DefinitionIndex | undefined,
): Problem[] => {
  const problems: Problem[] = [];
  switch (kind) {
    case "workflow": {
      const graph = buildWorkflowGraph(document);
      problems.push(...checkNodeConfigs(document, registry));
      problems.push(...checkWorkflowGraph(document, graph, registry, feedingFormEnums(graph, index)));
      problems.push(...checkWorkflowExpressions(document, graph, registry, index));
      break;
    }
    case "form":
      problems.push(...checkForm(document));
      break;
    case "directory":
      problems.push(...checkDirectory(document));
      break;
    case "slaPolicy":
      problems.push(...checkSlaPolicy(document));
      break;
    default:
      break;
  }
  if (index) problems.push(...checkReferences(document, index, registry));
  return problems;
};

/** Enum values of the fields of the forms feeding a workflow, when the forms are in the set. */
const feedingFormEnums = (
  graph: WorkflowGraph,
  index: DefinitionIndex | undefined,
): KnownEnums | undefined => {
  if (!index) return undefined;
  const enums = new Map<string, readonly unknown[]>();
  for (const { node } of graph.nodes) {
    const form = index.get("form", node.config.form);
    if (!form) continue;
    for (const [name, values] of variableEnums(form.document.schema))
      if (!enums.has(name)) enums.set(name, values);
  }
  return enums;
};
