import type { HttpCallEffect } from "@flowdesk/core";
import type { EffectHandler } from "./effect-handler.ts";
import { JOB_KINDS, newJob } from "./job-rows.ts";

/** One attempt of a service call: a job the runner performs after commit. */
export const httpCallEffect: EffectHandler<HttpCallEffect> = async (effect, target) => {
  const call = target.state.calls[effect.callId];
  target.rows.addJob(
    newJob(target, {
      id: target.newId("job"),
      kind: JOB_KINDS.http,
      dueAt: target.now,
      payload: {
        callId: effect.callId,
        attempt: effect.attempt,
        idempotencyKey: effect.idempotencyKey,
        request: effect.request,
      },
      tokenId: call?.tokenId ?? null,
      nodeId: call?.nodeId ?? null,
      // One job per attempt of one call; the HTTP Idempotency-Key (same for all attempts) travels in the payload.
      idempotencyKey: `${effect.callId}#${effect.attempt}`,
    }),
  );
};
