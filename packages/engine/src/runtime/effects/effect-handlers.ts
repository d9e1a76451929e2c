import type { EffectHandlers } from "./effect-handler.ts";
import { httpCallEffect } from "./http-call.effect.ts";
import { incidentOpenedEffect } from "./incident-opened.effect.ts";
import { incidentResolvedEffect } from "./incident-resolved.effect.ts";
import { instanceCancelledEffect } from "./instance-cancelled.effect.ts";
import { instanceCompletedEffect } from "./instance-completed.effect.ts";
import { jobCancelEffect } from "./job-cancel.effect.ts";
import { jobScheduleEffect } from "./job-schedule.effect.ts";
import { notifySendEffect } from "./notify-send.effect.ts";
import { slaEscalateEffect } from "./sla-escalate.effect.ts";
import { subprocessCancelEffect } from "./subprocess-cancel.effect.ts";
import { subprocessStartEffect } from "./subprocess-start.effect.ts";
import { taskCancelEffect } from "./task-cancel.effect.ts";
import { taskClaimEffect } from "./task-claim.effect.ts";
import { taskCloseEffect } from "./task-close.effect.ts";
import { taskCreateEffect } from "./task-create.effect.ts";
import { taskReassignEffect } from "./task-reassign.effect.ts";

/** Every effect type the core emits, with the handler that writes its rows. */
export const EFFECT_HANDLERS: EffectHandlers = {
  "task.create": taskCreateEffect,
  "task.claim": taskClaimEffect,
  "task.close": taskCloseEffect,
  "task.cancel": taskCancelEffect,
  "task.reassign": taskReassignEffect,
  "job.schedule": jobScheduleEffect,
  "job.cancel": jobCancelEffect,
  "http.call": httpCallEffect,
  "notify.send": notifySendEffect,
  "subprocess.start": subprocessStartEffect,
  "subprocess.cancel": subprocessCancelEffect,
  "incident.opened": incidentOpenedEffect,
  "incident.resolved": incidentResolvedEffect,
  "sla.escalate": slaEscalateEffect,
  "instance.completed": instanceCompletedEffect,
  "instance.cancelled": instanceCancelledEffect,
};
