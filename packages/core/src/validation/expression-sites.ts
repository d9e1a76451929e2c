import type { WorkflowNode } from "../definitions/index.ts";
import type { NodeRegistry } from "../node-descriptor.ts";
import type { WorkflowGraph } from "../rules/workflow-graph.ts";
import { escapeSegment, joinPointer, splitPointer } from "./json-pointer.ts";
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

/** Values a descriptor field pointer reaches; "*" matches every array item or object value. */
export const expandFieldPointer = (root: unknown, fieldPointer: string): [string, unknown][] => {
  let matches: [string, unknown][] = [["", root]];
  for (const segment of splitPointer(fieldPointer)) {
    const next: [string, unknown][] = [];
    for (const [pointer, value] of matches) {
      if (segment === "*") {
        if (Array.isArray(value)) {
          value.forEach((item, index) => {
            next.push([`${pointer}/${index}`, item]);
          });
        } else if (isRecord(value)) {
          for (const [key, item] of Object.entries(value))
            next.push([`${pointer}/${escapeSegment(key)}`, item]);
        }
      } else if ((Array.isArray(value) || isRecord(value)) && Object.hasOwn(value, segment)) {
        next.push([`${pointer}/${escapeSegment(segment)}`, (value as Record<string, unknown>)[segment]]);
      }
    }
    matches = next;
  }
  return matches;
};

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
  base: string,
  relative: string,
  source: unknown,
  form: ExpressionSite["form"],
): void => {
  if (typeof source !== "string" || sites.has(base + relative)) return;
  const isResult = node.type === "service-call" && relative.startsWith("/resultMapping/");
  const isOutput = node.type === "subprocess" && relative.startsWith("/output/");
  const child = isOutput && typeof node.config.workflow === "string" ? node.config.workflow : undefined;
  sites.set(base + relative, {
    pointer: base + relative,
    source,
    form,
    readerNodeId: node.id,
    extraRoots: isResult ? RESPONSE_ONLY : NONE,
    ...(child === undefined ? {} : { childWorkflow: child }),
  });
};

const RESPONSE_ONLY: readonly string[] = ["response"];
const NONE: readonly string[] = [];

export const collectExpressionSites = (graph: WorkflowGraph, registry: NodeRegistry): ExpressionSite[] => {
  const sites = new Map<string, ExpressionSite>();
  for (const { node, index } of graph.nodes) {
    const descriptor = Object.hasOwn(registry, node.type) ? registry[node.type] : undefined;
    if (!descriptor) continue;
    const base = `/nodes/${index}/config`;
    for (const field of descriptor.expressionFields) {
      for (const [relative, value] of expandFieldPointer(node.config, field)) {
        addNodeSite(sites, node, base, relative, value, "expression");
      }
    }
    for (const field of descriptor.templateFields) {
      for (const [relative, value] of expandFieldPointer(node.config, field)) {
        addNodeSite(sites, node, base, relative, value, "template");
      }
    }
    const rules: [string, string][] = [];
    assigneeExpressions(node.config, "", rules);
    for (const [relative, value] of rules) addNodeSite(sites, node, base, relative, value, "expression");
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

/** Variables a node writes: set-data assignments, result mappings, subprocess output. */
export const producedVariables = (graph: WorkflowGraph): Map<string, string[]> => {
  const produced = new Map<string, string[]>();
  const add = (name: unknown, nodeId: string): void => {
    if (typeof name !== "string") return;
    const list = produced.get(name) ?? [];
    list.push(nodeId);
    produced.set(name, list);
  };
  for (const { node } of graph.nodes) {
    const config = node.config;
    if (Array.isArray(config.assignments)) {
      for (const assignment of config.assignments)
        if (isRecord(assignment)) add(assignment.variable, node.id);
    }
    if (node.type === "service-call" && isRecord(config.resultMapping)) {
      for (const name of Object.keys(config.resultMapping)) add(name, node.id);
    }
    if (node.type === "subprocess" && isRecord(config.output)) {
      for (const name of Object.keys(config.output)) add(name, node.id);
    }
  }
  return produced;
};
