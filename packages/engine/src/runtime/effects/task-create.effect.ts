import type { TaskCreateEffect } from "@flowdesk/core";
import type { EffectHandler } from "./effect-handler.ts";
import { assigneeColumns, assignmentKey } from "./task-assignee.ts";

/** A task or approval opened: its row, for the inbox. */
export const taskCreateEffect: EffectHandler<TaskCreateEffect> = async (effect, target) => {
  target.rows.addTask({
    id: effect.taskId,
    instanceId: target.instanceId,
    nodeId: effect.nodeId,
    tokenId: effect.tokenId,
    kind: effect.kind,
    slot: effect.kind === "approval" ? assignmentKey(effect.assignment) : "",
    title: effect.title,
    ...assigneeColumns(effect.assignment),
    state: "open",
    form: effect.form ?? null,
    // Pinned now: the assignee fills the form as it was when the task opened. Which
    // version is published is the store's knowledge, not the core's.
    formVersion:
      effect.form === undefined
        ? null
        : ((await target.tx.definitions.latestVersion(effect.form))?.version ?? null),
    data: {
      outcomes: effect.outcomes,
      ...(effect.instructions ? { instructions: effect.instructions } : {}),
    },
    outcome: null,
    completedBy: null,
    dueAt: effect.dueAt ?? null,
    version: 1,
    // The row opens when the engine's state says the task opened, to the millisecond,
    // so views reading either (instance detail, live positions) agree.
    createdAt: target.state.tasks[effect.taskId]?.createdAt ?? target.now,
    updatedAt: target.now,
  });
};
