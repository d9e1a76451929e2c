import type { NodeRegistry } from "../node-descriptor.ts";
import { descriptorOf } from "../node-knowledge.ts";
import type { Problem, ProblemParams } from "../problem.ts";
import type { WorkflowGraph } from "../rules/workflow-graph.ts";
import type { DefinitionIndex } from "./definition-index.ts";
import { formFieldNames } from "./definition-index.ts";
import { checkExpressionSource, checkTemplateSource } from "./expression-port.ts";
import { collectExpressionSites, type ExpressionSite, producedVariables } from "./expression-sites.ts";
import { escapeSegment } from "./json-pointer.ts";
import { isRecord, problem } from "./make-problem.ts";
import { nearestName } from "./nearest-name.ts";
import { PROBLEM_CODES } from "./problem-codes.ts";
import { reachableFrom } from "./reachability-checks.ts";

const codes = PROBLEM_CODES;

/** Names every expression may read. */
export const BUILT_IN_VARIABLES = ["requester", "instance", "now"] as const;

const declaredVariables = (workflow: Record<string, unknown>): string[] => {
  const variables = workflow.variables;
  return isRecord(variables) && isRecord(variables.properties) ? Object.keys(variables.properties) : [];
};

/** Variables of the workflow plus the fields of the forms that feed it (when known). */
const workflowScope = (
  workflow: Record<string, unknown>,
  graph: WorkflowGraph,
  index: DefinitionIndex | undefined,
): { known: Set<string>; unloadedForms: string[] } => {
  const known = new Set<string>([...BUILT_IN_VARIABLES, ...declaredVariables(workflow)]);
  const unloadedForms = new Set<string>();
  for (const { node } of graph.nodes) {
    const formId = node.config.form;
    if (typeof formId !== "string") continue;
    const form = index?.get("form", formId);
    if (form) for (const field of formFieldNames(form.document)) known.add(field);
    else unloadedForms.add(formId);
  }
  return { known, unloadedForms: [...unloadedForms] };
};

/**
 * FD3xxx: every expression and template parses, and every variable it reads exists:
 * declared, a field of a feeding form, built in, or set by an earlier step.
 */
export const checkWorkflowExpressions = (
  workflow: Record<string, unknown>,
  graph: WorkflowGraph,
  registry: NodeRegistry,
  index: DefinitionIndex | undefined,
): Problem[] => {
  const problems: Problem[] = [];
  const scope = workflowScope(workflow, graph, index);
  const produced = producedVariables(graph, registry);
  const reachCache = new Map<string, Set<string>>();
  const isSetBefore = (name: string, readerNodeId: string): boolean =>
    (produced.get(name) ?? []).some((producer) => {
      if (producer === readerNodeId) return true;
      let reached = reachCache.get(producer);
      if (!reached) {
        reached = reachableFrom(graph, [producer]);
        reachCache.set(producer, reached);
      }
      return reached.has(readerNodeId);
    });

  problems.push(...checkSubprocessInputs(graph, registry, index));
  for (const site of collectExpressionSites(graph, registry)) {
    const result =
      site.form === "template" ? checkTemplateSource(site.source) : checkExpressionSource(site.source);
    if (!result.ok) {
      problems.push(
        problem(
          result.code,
          site.pointer,
          `${site.form === "template" ? "A placeholder in this template" : "This expression"} cannot be read: ${result.message}`,
          "error",
          { reason: result.message, variant: site.form === "template" ? "template" : "expression" },
        ),
      );
      continue;
    }
    const childScope =
      site.childWorkflow === undefined ? undefined : childVariables(site.childWorkflow, index);
    if (site.childWorkflow !== undefined && !childScope) continue; // child unknown: nothing to compare with
    for (const root of new Set(result.rootVariables)) {
      if (site.extraRoots.includes(root)) continue;
      if (childScope) {
        if (!childScope.has(root)) problems.push(unknownVariable(site, root, childScope, []));
        continue;
      }
      if (scope.known.has(root)) continue;
      if (produced.has(root)) {
        if (!isSetBefore(root, site.readerNodeId)) {
          problems.push(
            problem(
              codes.variableReadBeforeSet,
              site.pointer,
              `Variable "${root}" is read here before any step sets it; declare it in the workflow's variables or set it earlier.`,
              "error",
              { variable: root },
            ),
          );
        }
        continue;
      }
      problems.push(
        unknownVariable(site, root, new Set([...scope.known, ...produced.keys()]), scope.unloadedForms),
      );
    }
  }
  return problems;
};

const childVariables = (workflowId: string, index: DefinitionIndex | undefined): Set<string> | undefined => {
  const child = index?.get("workflow", workflowId);
  if (!child) return undefined;
  const known = new Set<string>([...BUILT_IN_VARIABLES, ...declaredVariables(child.document)]);
  const nodes = Array.isArray(child.document.nodes) ? child.document.nodes : [];
  for (const node of nodes) {
    const formId = isRecord(node) && isRecord(node.config) ? node.config.form : undefined;
    for (const field of formFieldNames(index?.get("form", formId)?.document)) known.add(field);
  }
  return known;
};

/** A subprocess input names a variable of the child; the child must have it (when known). */
const checkSubprocessInputs = (
  graph: WorkflowGraph,
  registry: NodeRegistry,
  index: DefinitionIndex | undefined,
): Problem[] => {
  const problems: Problem[] = [];
  for (const { node, index: nodeIndex } of graph.nodes) {
    const calls = descriptorOf(registry, node.type)?.callsWorkflow;
    if (!calls) continue;
    const workflow = node.config[calls.workflowField];
    const input = node.config[calls.inputField];
    if (typeof workflow !== "string" || !isRecord(input)) continue;
    const known = childVariables(workflow, index);
    if (!known) continue;
    for (const name of Object.keys(input)) {
      if (known.has(name)) continue;
      const suggestion = nearestName(name, known);
      problems.push(
        problem(
          codes.unknownVariable,
          `/nodes/${nodeIndex}/config/${escapeSegment(calls.inputField)}/${escapeSegment(name)}`,
          `Workflow "${workflow}" has no variable "${name}"${suggestion ? `; did you mean "${suggestion}"?` : "."}`,
          "error",
          suggestion
            ? { workflow, variable: name, suggestion, variant: "childSuggest" }
            : { workflow, variable: name, variant: "child" },
        ),
      );
    }
  }
  return problems;
};

const unknownVariable = (
  site: ExpressionSite,
  name: string,
  known: Set<string>,
  unloadedForms: readonly string[],
): Problem => {
  if (name === "response") {
    return problem(
      codes.unknownVariable,
      site.pointer,
      `Unknown variable "response": it exists only in the result mapping of a service call.`,
      "error",
      { variable: name, variant: "response" },
    );
  }
  const suggestion = nearestName(name, known);
  const sentence = `Unknown variable "${name}"${suggestion ? `; did you mean "${suggestion}"?` : "."}`;
  const params: ProblemParams = suggestion
    ? { variable: name, suggestion, variant: "suggest" }
    : { variable: name };
  if (unloadedForms.length === 0) {
    return problem(codes.unknownVariable, site.pointer, sentence, "error", params);
  }
  const forms = unloadedForms.map((form) => `"${form}"`).join(", ");
  return problem(
    codes.unverifiedVariable,
    site.pointer,
    `${sentence} It may be a field of form ${forms}, which was not part of this check.`,
    "warning",
    { ...params, forms: unloadedForms.join(", ") },
  );
};

/** Expressions outside workflows (SLA pause condition, escalation rules): syntax only. */
export const checkExpressionSyntaxAt = (source: unknown, pointer: string): Problem[] => {
  if (typeof source !== "string") return [];
  const result = checkExpressionSource(source);
  return result.ok
    ? []
    : [
        problem(result.code, pointer, `This expression cannot be read: ${result.message}`, "error", {
          reason: result.message,
          variant: "expression",
        }),
      ];
};
