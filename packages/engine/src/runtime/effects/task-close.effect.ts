import type { TaskCloseEffect } from "@flowdesk/core";
import type { EffectHandler } from "./effect-handler.ts";

/** A task was done (completed, or its approval decided): the row records outcome, who and the form data. */
export const taskCloseEffect: EffectHandler<TaskCloseEffect> = async (effect, target) => {
  await target.rows.flushTasks();
  await target.tx.tasks.close(effect.taskId, {
    outcome: effect.outcome,
    completedBy: effect.by,
    data: effect.data ?? null,
    at: target.now,
  });
};
