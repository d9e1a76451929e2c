import type { IncidentResolvedEffect } from "@flowdesk/core";
import type { EffectHandler } from "./effect-handler.ts";

export const incidentResolvedEffect: EffectHandler<IncidentResolvedEffect> = async (effect, target) => {
  await target.tx.incidents.resolveForRetry(effect.incidentId, target.now);
};
