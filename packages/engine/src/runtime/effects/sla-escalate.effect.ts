import type { SlaEscalateEffect } from "@flowdesk/core";
import type { EffectHandler } from "./effect-handler.ts";

/** An SLA warning or breach: an outbox row, pushed live to whoever it names after commit. */
export const slaEscalateEffect: EffectHandler<SlaEscalateEffect> = async (effect, target) => {
  target.rows.outbox.push({
    historySeq: null,
    topic: "sla.escalate",
    instanceId: target.instanceId,
    payload: effect,
    createdAt: target.now,
  });
};
