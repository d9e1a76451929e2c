import type { TaskReassignEffect } from "@flowdesk/core";
import type { EffectHandler } from "./effect-handler.ts";
import { assigneeColumns } from "./task-assignee.ts";

/** A task went to someone else (reassigned, delegated, or back to its queue): open again, for them. */
export const taskReassignEffect: EffectHandler<TaskReassignEffect> = async (effect, target) => {
  await target.rows.flushTasks();
  await target.tx.tasks.reassign(effect.taskId, { ...assigneeColumns(effect.assignment), at: target.now });
};
