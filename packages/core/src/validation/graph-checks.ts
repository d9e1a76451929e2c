import type { NodeRegistry } from "../node-descriptor.ts";
import { calledWorkflow, playsRole } from "../node-knowledge.ts";
import type { Problem } from "../problem.ts";
import { checkConnection } from "../rules/connection-rules.ts";
import { edgeOutcome, type WorkflowGraph } from "../rules/workflow-graph.ts";
import { checkDecisions } from "./decision-checks.ts";
import type { KnownEnums } from "./decision-exhaustiveness.ts";
import { checkJoins } from "./join-checks.ts";
import { problem } from "./make-problem.ts";
import { PROBLEM_CODES } from "./problem-codes.ts";
import { checkReachability } from "./reachability-checks.ts";

const codes = PROBLEM_CODES;

/** Every FD2xxx check of one workflow; linear in nodes + edges. */
export const checkWorkflowGraph = (
  workflow: Record<string, unknown>,
  graph: WorkflowGraph,
  registry: NodeRegistry,
  formEnums?: KnownEnums,
): Problem[] => {
  const problems: Problem[] = [];
  // Without a node list the structure problem says it all; graph findings would be noise.
  if (!Array.isArray(workflow.nodes)) return problems;
  checkNodes(graph, registry, problems);
  checkEdges(graph, registry, problems);
  checkRequiredOutcomes(graph, registry, problems);
  if (typeof workflow.slaPolicy === "string") checkWaitTimers(graph, registry, problems);
  checkSelfCalls(graph, registry, problems);
  problems.push(...checkReachability(graph, registry));
  problems.push(...checkDecisions(workflow, graph, registry, formEnums));
  problems.push(...checkJoins(graph, registry));
  return problems;
};

const checkNodes = (graph: WorkflowGraph, registry: NodeRegistry, problems: Problem[]): void => {
  const starts = graph.nodes.filter((entry) => playsRole(registry, entry.node.type, "start"));
  if (starts.length === 0) {
    problems.push(problem(codes.noStart, "/nodes", "The workflow has no start node; add exactly one."));
  }
  for (const extra of starts.slice(1)) {
    problems.push(
      problem(
        codes.multipleStarts,
        `/nodes/${extra.index}`,
        `Node "${extra.node.id}" is a second start; a workflow has exactly one start node.`,
        "error",
        { node: extra.node.id },
      ),
    );
  }
  for (const entry of graph.nodes) {
    if (graph.byId.get(entry.node.id) !== entry) {
      problems.push(
        problem(
          codes.duplicateNodeId,
          `/nodes/${entry.index}/id`,
          `Two nodes are called "${entry.node.id}"; give each node its own id.`,
          "error",
          { node: entry.node.id },
        ),
      );
    }
    if (!Object.hasOwn(registry, entry.node.type)) {
      problems.push(
        problem(
          codes.unknownNodeType,
          `/nodes/${entry.index}/type`,
          `Node "${entry.node.id}" has an unknown type "${entry.node.type}"; use one of ${Object.keys(registry).join(", ")}.`,
          "error",
          { node: entry.node.id, type: entry.node.type, choices: Object.keys(registry).join(", ") },
        ),
      );
    }
  }
};

const checkEdges = (graph: WorkflowGraph, registry: NodeRegistry, problems: Problem[]): void => {
  const edgeIds = new Set<string>();
  // Edges are judged against the ones before them, so the later edge is the one blamed.
  const outgoingSeen = new Map<string, number>();
  const incomingSeen = new Map<string, number>();
  const connections = new Set<string>();
  for (const entry of graph.edges) {
    const { edge, index } = entry;
    const pointer = `/edges/${index}`;
    if (typeof edge.id === "string") {
      if (edgeIds.has(edge.id)) {
        problems.push(
          problem(
            codes.duplicateEdgeId,
            `${pointer}/id`,
            `Two edges are called "${edge.id}"; give each edge its own id.`,
            "error",
            { edge: edge.id },
          ),
        );
      }
      edgeIds.add(edge.id);
    }
    const source = graph.byId.get(edge.source);
    const target = graph.byId.get(edge.target);
    const outcome = edgeOutcome(edge);
    const key = connectionKey(edge.source, edge.target, outcome);
    const existing = {
      outgoingCount: outgoingSeen.get(edge.source) ?? 0,
      incomingCount: incomingSeen.get(edge.target) ?? 0,
      alreadyConnected: connections.has(key),
    };
    outgoingSeen.set(edge.source, existing.outgoingCount + 1);
    incomingSeen.set(edge.target, existing.incomingCount + 1);
    connections.add(key);
    // An edge between nodes of unknown type is already reported on the node.
    if (source && !Object.hasOwn(registry, source.node.type)) continue;
    if (target && !Object.hasOwn(registry, target.node.type)) continue;
    const verdict = checkConnection(graph, registry, edge.source, edge.target, outcome, existing);
    if (!verdict.ok) {
      problems.push(
        problem(verdict.code, edgePointer(pointer, verdict.code), verdict.message, "error", verdict.params),
      );
    }
    if (
      source &&
      !playsRole(registry, source.node.type, "decision") &&
      (edge.condition !== undefined || edge.isDefault !== undefined)
    ) {
      problems.push(
        problem(
          codes.conditionIgnored,
          `${pointer}/${edge.condition !== undefined ? "condition" : "isDefault"}`,
          `Edge "${String(edge.id)}" leaves node "${source.node.id}", which is not a decision, so its condition is ignored.`,
          "warning",
          { edge: String(edge.id), node: source.node.id },
        ),
      );
    }
  }
};

const connectionKey = (source: string, target: string, outcome: string | undefined): string =>
  JSON.stringify([source, target, outcome ?? null]);

/** Points at the part of the edge that is wrong, so the designer highlights the right field. */
const edgePointer = (pointer: string, code: string): string => {
  if (code === codes.edgeSourceMissing || code === codes.edgeOutOfEnd) return `${pointer}/source`;
  if (code === codes.edgeTargetMissing || code === codes.edgeIntoStart) return `${pointer}/target`;
  if (code === codes.unknownOutcome) return `${pointer}/outcome`;
  return pointer;
};

const checkRequiredOutcomes = (graph: WorkflowGraph, registry: NodeRegistry, problems: Problem[]): void => {
  for (const entry of graph.nodes) {
    if (graph.byId.get(entry.node.id) !== entry) continue;
    const descriptor = Object.hasOwn(registry, entry.node.type) ? registry[entry.node.type] : undefined;
    for (const required of descriptor?.outcomes.required ?? []) {
      const drawn = (graph.outgoing.get(entry.node.id) ?? []).some(
        (edge) => edgeOutcome(edge.edge) === required,
      );
      if (!drawn) {
        problems.push(
          problem(
            codes.requiredOutcomeMissing,
            `/nodes/${entry.index}`,
            `Node "${entry.node.id}" has no "${required}" path; draw an edge for outcome ${required}.`,
            "error",
            { node: entry.node.id, outcome: required },
          ),
        );
      }
    }
  }
};

const checkWaitTimers = (graph: WorkflowGraph, registry: NodeRegistry, problems: Problem[]): void => {
  for (const entry of graph.nodes) {
    const descriptor = Object.hasOwn(registry, entry.node.type) ? registry[entry.node.type] : undefined;
    if (!descriptor?.waits || !descriptor.outcomes.timers) continue;
    const timers = entry.node.config.timers;
    if (Array.isArray(timers) && timers.length > 0) continue;
    problems.push(
      problem(
        codes.waitWithoutTimer,
        `/nodes/${entry.index}`,
        `Node "${entry.node.id}" can wait forever although this workflow has an SLA policy; attach a timeout or escalation timer.`,
        "warning",
        { node: entry.node.id },
      ),
    );
  }
};

const checkSelfCalls = (graph: WorkflowGraph, registry: NodeRegistry, problems: Problem[]): void => {
  if (graph.id === undefined) return;
  for (const entry of graph.nodes) {
    if (calledWorkflow(registry, entry.node) === graph.id) {
      problems.push(
        problem(
          codes.subprocessCallsItself,
          `/nodes/${entry.index}/config/workflow`,
          `Subprocess "${entry.node.id}" calls workflow "${graph.id}", the workflow it is part of; that would never end.`,
          "error",
          { node: entry.node.id, workflow: graph.id },
        ),
      );
    }
  }
};
