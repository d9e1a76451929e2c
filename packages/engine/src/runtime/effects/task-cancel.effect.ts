import type { TaskCancelEffect } from "@flowdesk/core";
import type { EffectHandler } from "./effect-handler.ts";

/** A task no longer wanted (timer escalated, approval settled, instance ended). */
export const taskCancelEffect: EffectHandler<TaskCancelEffect> = async (effect, target) => {
  await target.rows.flushTasks();
  await target.tx.tasks.cancel([effect.taskId], target.now);
};
