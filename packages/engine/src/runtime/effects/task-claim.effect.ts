import type { TaskClaimEffect } from "@flowdesk/core";
import type { EffectHandler } from "./effect-handler.ts";

/** Someone took the task: the row is theirs (it leaves the group queue). */
export const taskClaimEffect: EffectHandler<TaskClaimEffect> = async (effect, target) => {
  await target.rows.flushTasks();
  await target.tx.tasks.claim(effect.taskId, effect.by, target.now);
};
