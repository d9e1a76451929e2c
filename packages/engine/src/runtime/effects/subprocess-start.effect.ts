import type { SubprocessStartEffect } from "@flowdesk/core";
import type { EffectHandler } from "./effect-handler.ts";
import { JOB_KINDS, newJob } from "./job-rows.ts";

/** A child instance to start: a job, so the child starts in its own transaction. */
export const subprocessStartEffect: EffectHandler<SubprocessStartEffect> = async (effect, target) => {
  target.rows.addJob(
    newJob(target, {
      id: target.newId("job"),
      kind: JOB_KINDS.subprocessStart,
      dueAt: target.now,
      tokenId: effect.parentTokenId,
      payload: {
        childInstanceId: effect.childInstanceId,
        workflow: effect.workflow,
        input: effect.input,
        requester: target.state.requester,
        parent: { instanceId: target.instanceId, tokenId: effect.parentTokenId },
      },
    }),
  );
};
