import type { EngineEvent } from "@flowdesk/core";
import type { EffectTarget } from "./effect-handler.ts";
import { JOB_KINDS, newJob } from "./job-rows.ts";

/** A subprocess ended: a job tells its parent (an event on the parent, in the parent's own transaction). */
export const reportToParent = (
  target: EffectTarget,
  parent: { instanceId: string } | undefined,
  event: EngineEvent,
): void => {
  if (parent === undefined) return;
  target.rows.addJob(
    newJob(target, {
      id: target.newId("job"),
      kind: JOB_KINDS.subprocessReport,
      dueAt: target.now,
      payload: { parentInstanceId: parent.instanceId, event },
    }),
  );
};
