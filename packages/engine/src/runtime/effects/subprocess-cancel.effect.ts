import type { SubprocessCancelEffect } from "@flowdesk/core";
import type { EffectHandler } from "./effect-handler.ts";
import { JOB_KINDS, newJob } from "./job-rows.ts";

/** A child instance to cancel with its parent: a job, in the child's own transaction. */
export const subprocessCancelEffect: EffectHandler<SubprocessCancelEffect> = async (effect, target) => {
  target.rows.addJob(
    newJob(target, {
      id: target.newId("job"),
      kind: JOB_KINDS.subprocessCancel,
      dueAt: target.now,
      payload: effect,
    }),
  );
};
