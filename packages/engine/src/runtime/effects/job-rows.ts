import type { JobRecord } from "../store-port.ts";
import type { EffectTarget } from "./effect-handler.ts";

/** Job kinds the job runner knows how to run. */
export const JOB_KINDS = {
  /** A job.schedule effect: timers, attached timers, SLA checkpoints, HTTP retry back-offs. */
  timer: "timer",
  http: "http",
  notify: "notify",
  subprocessStart: "subprocess.start",
  subprocessCancel: "subprocess.cancel",
  /** Tells a parent instance that its child ended. */
  subprocessReport: "subprocess.report",
} as const;

/** Attempts a job gets before its failure becomes an incident (crashes and infrastructure errors). */
export const DEFAULT_MAX_ATTEMPTS = 5;

/** A pending job of this instance, due as given; the rest of the row takes its defaults. */
export const newJob = (
  target: EffectTarget,
  fields: Pick<JobRecord, "id" | "kind" | "dueAt" | "payload"> & Partial<JobRecord>,
): JobRecord => ({
  instanceId: target.instanceId,
  nodeId: null,
  tokenId: null,
  status: "pending",
  attempts: 0,
  maxAttempts: DEFAULT_MAX_ATTEMPTS,
  lastError: null,
  leaseOwner: null,
  leaseExpiresAt: null,
  idempotencyKey: null,
  createdAt: target.now,
  updatedAt: target.now,
  ...fields,
});
