import type { InstanceCompletedEffect } from "@flowdesk/core";
import type { EffectHandler } from "./effect-handler.ts";
import { reportToParent } from "./parent-report.ts";

export const instanceCompletedEffect: EffectHandler<InstanceCompletedEffect> = async (effect, target) => {
  reportToParent(target, effect.parent, {
    type: "subprocess.completed",
    childInstanceId: target.instanceId,
    variables: effect.variables,
    ...(effect.outcome === undefined ? {} : { outcome: effect.outcome }),
  });
};
