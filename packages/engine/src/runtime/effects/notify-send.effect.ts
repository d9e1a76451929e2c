import type { NotifySendEffect } from "@flowdesk/core";
import type { EffectHandler } from "./effect-handler.ts";
import { JOB_KINDS, newJob } from "./job-rows.ts";

/** A notification: a job, so it is sent after commit and only if the step committed. */
export const notifySendEffect: EffectHandler<NotifySendEffect> = async (effect, target) => {
  target.rows.addJob(
    newJob(target, { id: effect.notificationId, kind: JOB_KINDS.notify, dueAt: target.now, payload: effect }),
  );
};
