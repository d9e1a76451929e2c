import {
  type ApprovalConfig,
  type ApprovalRecord,
  type Assignment,
  ENGINE_ERRORS,
  type NodeBehaviour,
  type NodeContext,
  rejectEvent,
} from "@flowdesk/core";

const OUTCOMES = [
  { id: "approved", label: "Approve" },
  { id: "rejected", label: "Reject" },
];

/**
 * One approval task per resolved approver. Whatever the mode, the approval needs
 * `needed` approvals (any: 1, all: every approver, quorum: N) and is rejected as soon as
 * that can no longer be reached; open tasks are then cancelled.
 */
export const approvalBehaviour: NodeBehaviour<ApprovalConfig> = {
  enter(ctx) {
    const config = ctx.node.config;
    const assignments = dedupe(config.approvers.flatMap((rule) => ctx.resolveAssignees(rule)));
    const needed =
      config.mode === "all"
        ? assignments.length
        : config.mode === "quorum"
          ? Math.min(Math.max(1, config.quorum ?? 1), assignments.length)
          : 1;
    const instructions = config.instructions ? ctx.render(config.instructions) : undefined;
    for (const assignment of assignments) {
      ctx.openTask(
        { kind: "approval", assignment },
        {
          title: ctx.node.name ?? ctx.node.id,
          outcomes: OUTCOMES,
          ...(config.form ? { form: config.form } : {}),
          ...(instructions === undefined ? {} : { instructions }),
        },
      );
    }
    const record: ApprovalRecord = {
      nodeId: ctx.node.id,
      mode: config.mode,
      needed,
      approvers: assignments.length,
      votes: [],
    };
    (ctx.state.approvals as Record<string, ApprovalRecord>)[ctx.token.id] = record;
    ctx.wait({ kind: "approval" });
  },

  resume(ctx, event) {
    const config = ctx.node.config;
    if (event.type === "approval.delegated") {
      if (!config.allowDelegation) {
        throw rejectEvent(
          ENGINE_ERRORS.delegationNotAllowed,
          `Approval "${ctx.node.name ?? ctx.node.id}" does not allow delegation.`,
        );
      }
      checkApprover(ctx, event.taskId, event.by);
      ctx.reassignTask(event.taskId, { kind: "user", user: event.to }, event.by);
      ctx.record({
        type: "approval.delegated",
        nodeId: ctx.node.id,
        tokenId: ctx.token.id,
        by: event.by,
        data: { taskId: event.taskId, to: event.to, ...(event.comment ? { comment: event.comment } : {}) },
      });
      return;
    }
    if (event.type !== "approval.decided") {
      if (event.type === "task.completed") {
        throw rejectEvent(
          ENGINE_ERRORS.unknownOutcome,
          "An approval task is decided with approval.decided, not completed.",
        );
      }
      return;
    }
    const record = ctx.state.approvals[ctx.token.id];
    if (!record) return;
    const comment = event.comment?.trim();
    const rule = config.requireComment ?? "on-reject";
    if (!comment && (rule === "always" || (rule === "on-reject" && event.decision === "rejected"))) {
      throw rejectEvent(
        ENGINE_ERRORS.commentRequired,
        `A comment is required to ${event.decision === "rejected" ? "reject" : "decide"} this approval.`,
      );
    }
    checkApprover(ctx, event.taskId, event.by);
    record.votes.push({
      taskId: event.taskId,
      decision: event.decision,
      by: event.by,
      at: ctx.now,
      ...(comment ? { comment } : {}),
    });
    ctx.closeTask(event.taskId, event.decision, event.by, comment ? { comment } : undefined);
    ctx.record({
      type: "approval.decided",
      nodeId: ctx.node.id,
      tokenId: ctx.token.id,
      by: event.by,
      data: { taskId: event.taskId, decision: event.decision, ...(comment ? { comment } : {}) },
    });
    const approvals = record.votes.filter((vote) => vote.decision === "approved").length;
    const pending = record.approvers - record.votes.length;
    const outcome =
      approvals >= record.needed ? "approved" : approvals + pending < record.needed ? "rejected" : undefined;
    if (outcome === undefined) return;
    for (const task of Object.values(ctx.state.tasks)) {
      if (task.tokenId === ctx.token.id) ctx.cancelTask(task.id, `approval ${outcome}`);
    }
    ctx.setVariables({ [`${ctx.node.id}Decision`]: outcome });
    ctx.leave(outcome);
  },
};

/** A task assigned to one user may only be decided or delegated by that user. */
const checkApprover = (ctx: NodeContext<ApprovalConfig>, taskId: string, by: string): void => {
  const assignment = ctx.state.tasks[taskId]?.assignment;
  if (assignment?.kind === "user" && assignment.user !== by) {
    throw rejectEvent(
      ENGINE_ERRORS.notAnApprover,
      `${by} is not the approver of this task (${assignment.user} is).`,
    );
  }
};

const dedupe = (assignments: Assignment[]): Assignment[] => {
  const seen = new Set<string>();
  return assignments.filter((assignment) => {
    const key = JSON.stringify(assignment);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
};
