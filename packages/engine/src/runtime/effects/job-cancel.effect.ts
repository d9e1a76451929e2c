import type { JobCancelEffect } from "@flowdesk/core";
import type { EffectHandler } from "./effect-handler.ts";

export const jobCancelEffect: EffectHandler<JobCancelEffect> = async (effect, target) => {
  await target.rows.flushJobs();
  await target.tx.jobs.cancel([effect.jobId], target.now);
};
