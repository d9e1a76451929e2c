import type { WorkflowNode } from "../definitions/index.ts";
import type { NodeDescriptor, NodeRegistry } from "../node-descriptor.ts";
import { descriptorOf, expandFieldPointer, variablesWritten } from "../node-knowledge.ts";
import type { WorkflowGraph } from "../rules/workflow-graph.ts";
import { joinPointer } from "./json-pointer.ts";
import { isRecord } from "./make-problem.ts";

/** One piece of CEL in a workflow, with what it may read. */
export interface ExpressionSite {
  pointer: string;
  source: string;
  form: "expression" | "template";
  /** Node evaluating it (for an edge condition: the decision it leaves). */
  readerNodeId: string;
  /** Names only this site may read, e.g. `response` in a service call's result mapping. */
  extraRoots: readonly string[];
  /** Set when the text reads another workflow's variables (subprocess output mapping). */
  childWorkflow?: string;
}

export { expandFieldPointer };

/** Assignee rules given as CEL anywhere in a config (task assignee, approvers, notify to). */
const assigneeExpressions = (value: unknown, pointer: string, found: [string, string][], depth = 0): void => {
  if (depth > 8) return;
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      assigneeExpressions(item, `${pointer}/${index}`, found, depth + 1);
    });
  } else if (isRecord(value)) {
    if (value.kind === "expression" && typeof value.expression === "string") {
      found.push([`${pointer}/expression`, value.expression]);
      return;
    }
    for (const [key, item] of Object.entries(value)) {
      if (typeof item === "object") assigneeExpressions(item, joinPointer(pointer, key), found, depth + 1);
    }
  }
};

/** Adds one site of a node's config unless the pointer is already known. */
const addNodeSite = (
  sites: Map<string, ExpressionSite>,
  node: WorkflowNode,
  descriptor: NodeDescriptor,
  base: string,
  relative: string,
  source: unknown,
  form: ExpressionSite["form"],
): void => {
  if (typeof source !== "string" || sites.has(base + relative)) return;
  const within = (property: string): boolean => relative.startsWith(`${property}/`);
  const extraRoots = (descriptor.localRoots ?? [])
    .filter((local) => within(local.under))
    .flatMap((local) => local.names);
  const calls = descriptor.callsWorkflow;
  const readsChild = calls !== undefined && within(`/${calls.outputField}`);
  const workflow = calls === undefined ? undefined : node.config[calls.workflowField];
  const child = readsChild && typeof workflow === "string" ? workflow : undefined;
  sites.set(base + relative, {
    pointer: base + relative,
    source,
    form,
    readerNodeId: node.id,
    extraRoots: extraRoots.length === 0 ? NONE : extraRoots,
    ...(child === undefined ? {} : { childWorkflow: child }),
  });
};

const NONE: readonly string[] = [];

export const collectExpressionSites = (graph: WorkflowGraph, registry: NodeRegistry): ExpressionSite[] => {
  const sites = new Map<string, ExpressionSite>();
  for (const { node, index } of graph.nodes) {
    const descriptor = descriptorOf(registry, node.type);
    if (!descriptor) continue;
    const base = `/nodes/${index}/config`;
    for (const field of descriptor.expressionFields) {
      for (const [relative, value] of expandFieldPointer(node.config, field)) {
        addNodeSite(sites, node, descriptor, base, relative, value, "expression");
      }
    }
    for (const field of descriptor.templateFields) {
      for (const [relative, value] of expandFieldPointer(node.config, field)) {
        addNodeSite(sites, node, descriptor, base, relative, value, "template");
      }
    }
    const rules: [string, string][] = [];
    assigneeExpressions(node.config, "", rules);
    for (const [relative, value] of rules)
      addNodeSite(sites, node, descriptor, base, relative, value, "expression");
  }
  for (const { edge, index } of graph.edges) {
    if (typeof edge.condition !== "string") continue;
    sites.set(`/edges/${index}/condition`, {
      pointer: `/edges/${index}/condition`,
      source: edge.condition,
      form: "expression",
      readerNodeId: edge.source,
      extraRoots: [],
    });
  }
  return [...sites.values()];
};

/** Variables each node writes (set-data assignments, result mappings, subprocess output), by name. */
export const producedVariables = (graph: WorkflowGraph, registry: NodeRegistry): Map<string, string[]> => {
  const produced = new Map<string, string[]>();
  for (const { node } of graph.nodes) {
    for (const name of variablesWritten(registry, node)) {
      const list = produced.get(name) ?? [];
      list.push(node.id);
      produced.set(name, list);
    }
  }
  return produced;
};
