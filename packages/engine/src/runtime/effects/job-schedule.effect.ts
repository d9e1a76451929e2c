import type { JobScheduleEffect } from "@flowdesk/core";
import type { EffectHandler } from "./effect-handler.ts";
import { JOB_KINDS, newJob } from "./job-rows.ts";

/** A timer, attached timer, SLA checkpoint or HTTP back-off: one job the runner fires when due. */
export const jobScheduleEffect: EffectHandler<JobScheduleEffect> = async (effect, target) => {
  const tokenId = "tokenId" in effect.purpose ? effect.purpose.tokenId : null;
  target.rows.addJob(
    newJob(target, {
      id: effect.jobId,
      kind: JOB_KINDS.timer,
      dueAt: effect.dueAt,
      payload: { purpose: effect.purpose },
      tokenId,
      nodeId: tokenId === null ? null : (target.state.tokens[tokenId]?.nodeId ?? null),
    }),
  );
};
