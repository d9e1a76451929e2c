import { type DecisionConfig, ENGINE_ERRORS, incidentError, type NodeBehaviour } from "@flowdesk/core";

/** Exclusive decision: the first edge (in order) whose condition holds, else the default edge. */
export const decisionBehaviour: NodeBehaviour<DecisionConfig> = {
  enter(ctx) {
    let fallback: string | undefined;
    for (const edge of ctx.outgoing) {
      if (edge.isDefault) {
        fallback ??= edge.id;
        continue;
      }
      if (edge.condition === undefined || edge.condition.trim() === "") continue;
      if (ctx.condition(edge.condition)) {
        ctx.leaveBy([edge.id]);
        return;
      }
    }
    if (fallback === undefined) {
      throw incidentError(
        ENGINE_ERRORS.noDecisionPath,
        `No condition leaving decision "${ctx.node.name ?? ctx.node.id}" holds and it has no default edge.`,
      );
    }
    ctx.leaveBy([fallback]);
  },
};
