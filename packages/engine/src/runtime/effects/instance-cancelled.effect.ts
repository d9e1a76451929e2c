import { ERROR_CODES, type InstanceCancelledEffect } from "@flowdesk/core";
import type { EffectHandler } from "./effect-handler.ts";
import { reportToParent } from "./parent-report.ts";

/** A cancelled subprocess fails its parent's step (FD6410), with the reason it was cancelled. */
export const instanceCancelledEffect: EffectHandler<InstanceCancelledEffect> = async (effect, target) => {
  reportToParent(target, effect.parent, {
    type: "subprocess.failed",
    childInstanceId: target.instanceId,
    error: { ...ERROR_CODES.runtime.subprocessNotStarted, message: effect.reason },
  });
};
