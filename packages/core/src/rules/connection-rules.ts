import { UNEXPECTED_ERROR } from "../error-codes.ts";
import { type NodeRegistry, nodeOutcomes } from "../node-descriptor.ts";
import type { ProblemParams } from "../problem.ts";
import { PROBLEM_CODES } from "../validation/problem-codes.ts";
import { buildWorkflowGraph, type EdgeEntry, edgeOutcome, type WorkflowGraph } from "./workflow-graph.ts";

/**
 * What may connect to what. The designer asks this while a process owner drags an edge
 * (to refuse a bad connection on the spot), and the validator asks it for every edge of
 * a saved workflow, so the two can never disagree.
 */
export type ConnectionVerdict =
  | { ok: true }
  | { ok: false; code: string; message: string; params?: ProblemParams };

const refuse = (code: string, message: string, params?: ProblemParams): ConnectionVerdict => ({
  ok: false,
  code,
  message,
  ...(params === undefined ? {} : { params }),
});

const OK: ConnectionVerdict = { ok: true };

/**
 * Edges already drawn that a new connection is judged against. The designer passes all
 * of them; the validator passes the ones before the edge being checked, so a second edge
 * is the one blamed.
 */
export interface ExistingEdges {
  /** Edges already leaving the source. */
  outgoingCount: number;
  /** Edges already entering the target. */
  incomingCount: number;
  /** Whether the source is already connected to this target by this outcome. */
  alreadyConnected: boolean;
}

/** Existing edges as the designer sees them: every edge already drawn. */
export const allExistingEdges = (
  graph: WorkflowGraph,
  sourceId: string,
  targetId: string,
  outcome: string | undefined,
): ExistingEdges => {
  const outgoing: readonly EdgeEntry[] = graph.outgoing.get(sourceId) ?? [];
  return {
    outgoingCount: outgoing.length,
    incomingCount: graph.incoming.get(targetId)?.length ?? 0,
    alreadyConnected: outgoing.some(
      (entry) => entry.edge.target === targetId && edgeOutcome(entry.edge) === outcome,
    ),
  };
};

export const checkConnection = (
  graph: WorkflowGraph,
  registry: NodeRegistry,
  sourceId: string,
  targetId: string,
  outcome: string | undefined,
  existing: ExistingEdges,
): ConnectionVerdict => {
  const codes = PROBLEM_CODES;
  const source = graph.byId.get(sourceId);
  if (!source)
    return refuse(codes.edgeSourceMissing, `There is no node "${sourceId}" for the edge to start from.`, {
      node: sourceId,
    });
  const target = graph.byId.get(targetId);
  if (!target)
    return refuse(codes.edgeTargetMissing, `There is no node "${targetId}" for the edge to lead to.`, {
      node: targetId,
    });
  const sourceType = Object.hasOwn(registry, source.node.type) ? registry[source.node.type] : undefined;
  if (!sourceType)
    return refuse(codes.unknownNodeType, `Node "${sourceId}" has an unknown type "${source.node.type}".`, {
      node: sourceId,
      type: source.node.type,
      variant: "edge",
    });
  const targetType = Object.hasOwn(registry, target.node.type) ? registry[target.node.type] : undefined;
  if (!targetType)
    return refuse(codes.unknownNodeType, `Node "${targetId}" has an unknown type "${target.node.type}".`, {
      node: targetId,
      type: target.node.type,
      variant: "edge",
    });

  if (targetType.ports.inputs === "none") {
    return refuse(
      codes.edgeIntoStart,
      `Nothing may lead into ${targetType.label.toLowerCase()} node "${targetId}".`,
      { node: targetId, nodeType: target.node.type },
    );
  }
  if (sourceType.ports.outputs === "none") {
    return refuse(
      codes.edgeOutOfEnd,
      `Nothing may leave ${sourceType.label.toLowerCase()} node "${sourceId}".`,
      { node: sourceId, nodeType: source.node.type },
    );
  }
  if (sourceId === targetId && !sourceType.waits) {
    return refuse(
      codes.selfLoop,
      `Node "${sourceId}" may not lead back to itself: it does not wait, so the loop would never stop.`,
      { node: sourceId },
    );
  }

  const outcomes = nodeOutcomes(source.node, sourceType);
  if (outcome !== undefined && !outcomes.includes(outcome)) {
    return refuse(
      codes.unknownOutcome,
      outcomes.length === 0
        ? `Node "${sourceId}" has no outcomes, so its edges may not name "${outcome}".`
        : `Node "${sourceId}" has no outcome "${outcome}"; use one of ${outcomes.join(", ")}.`,
      outcomes.length === 0
        ? { node: sourceId, outcome, variant: "none" }
        : { node: sourceId, outcome, choices: outcomes.join(", ") },
    );
  }
  const namesOutcomes =
    (sourceType.outcomes.fixed?.length ?? 0) > 0 || sourceType.outcomes.fromConfig !== undefined;
  if (outcome === undefined && namesOutcomes && sourceType.outcomes.default === undefined) {
    return refuse(
      codes.outcomeRequired,
      `An edge leaving node "${sourceId}" must say which outcome it follows: ${outcomes.join(", ")}.`,
      { node: sourceId, choices: outcomes.join(", ") },
    );
  }

  if (sourceType.ports.outputs === "one" && existing.outgoingCount > 0) {
    return refuse(codes.tooManyOutgoing, `Node "${sourceId}" may have only one outgoing edge.`, {
      node: sourceId,
    });
  }
  if (targetType.ports.inputs === "one" && existing.incomingCount > 0) {
    return refuse(codes.tooManyIncoming, `Node "${targetId}" may have only one incoming edge.`, {
      node: targetId,
    });
  }
  if (existing.alreadyConnected) {
    return refuse(
      codes.duplicateConnection,
      outcome === undefined
        ? `Node "${sourceId}" is already connected to "${targetId}".`
        : `Node "${sourceId}" is already connected to "${targetId}" by outcome "${outcome}".`,
      outcome === undefined
        ? { node: sourceId, target: targetId }
        : { node: sourceId, target: targetId, outcome, variant: "outcome" },
    );
  }
  return OK;
};

/**
 * May an edge from `sourceId` to `targetId` (leaving by `outcome`) be added to
 * `definition`? Never throws, whatever the definition holds.
 */
export const canConnect = (
  definition: unknown,
  sourceId: string,
  targetId: string,
  outcome: string | undefined,
  registry: NodeRegistry,
): ConnectionVerdict => {
  try {
    const graph = buildWorkflowGraph(definition);
    return checkConnection(
      graph,
      registry,
      sourceId,
      targetId,
      outcome,
      allExistingEdges(graph, sourceId, targetId, outcome),
    );
  } catch (error) {
    return refuse(UNEXPECTED_ERROR.code, `The connection could not be checked: ${String(error)}`);
  }
};
