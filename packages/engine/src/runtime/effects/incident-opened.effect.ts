import type { IncidentOpenedEffect } from "@flowdesk/core";
import type { EffectHandler } from "./effect-handler.ts";

/** A step stopped on an error: the incident row admins list and retry. */
export const incidentOpenedEffect: EffectHandler<IncidentOpenedEffect> = async (effect, target) => {
  await target.tx.incidents.insert({
    id: effect.incidentId,
    instanceId: target.instanceId,
    nodeId: effect.nodeId,
    tokenId: target.state.incidents[effect.incidentId]?.tokenId ?? null,
    jobId: null,
    error: effect.error,
    status: "open",
    retryCount: 0,
    createdAt: target.now,
    resolvedAt: null,
  });
};
