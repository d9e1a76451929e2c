import type { NotifyConfig, TaskOutcome } from "../definitions/index.ts";
import type { SerializedError } from "../errors.ts";
import type { Assignment, HttpRequest, Instant, JobPurpose, SlaClockName } from "./instance-state.ts";

/**
 * What the core asks the outside world to do, as data. The runtime writes them in the
 * same transaction as the new state (tasks, jobs, outbox rows) and runs them after.
 */
export type Effect =
  | TaskCreateEffect
  | TaskClaimEffect
  | TaskCloseEffect
  | TaskCancelEffect
  | TaskReassignEffect
  | JobScheduleEffect
  | JobCancelEffect
  | HttpCallEffect
  | NotifySendEffect
  | SubprocessStartEffect
  | SubprocessCancelEffect
  | IncidentOpenedEffect
  | IncidentResolvedEffect
  | SlaEscalateEffect
  | InstanceCompletedEffect
  | InstanceCancelledEffect;

export type EffectType = Effect["type"];

export interface TaskCreateEffect {
  type: "task.create";
  taskId: string;
  tokenId: string;
  nodeId: string;
  kind: "task" | "approval";
  title: string;
  assignment: Assignment;
  form?: string;
  outcomes: TaskOutcome[];
  dueAt?: Instant;
  instructions?: string;
}

/** Someone took the task for themselves: the row is theirs until it is done, unclaimed or reassigned. */
export interface TaskClaimEffect {
  type: "task.claim";
  taskId: string;
  by: string;
}

/** The task was done (completed or decided); the store marks the row closed. */
export interface TaskCloseEffect {
  type: "task.close";
  taskId: string;
  outcome: string;
  by: string;
  /** What the person sent with it: the task form's data, or an approval's comment. */
  data?: Record<string, unknown>;
}

/** The task is no longer wanted (timer escalated, approval settled, instance ended). */
export interface TaskCancelEffect {
  type: "task.cancel";
  taskId: string;
  reason: string;
}

/** The task goes to another assignee (reassigned, delegated, or back to its queue); nobody holds it. */
export interface TaskReassignEffect {
  type: "task.reassign";
  taskId: string;
  assignment: Assignment;
  by: string;
}

export interface JobScheduleEffect {
  type: "job.schedule";
  jobId: string;
  dueAt: Instant;
  purpose: JobPurpose;
}

export interface JobCancelEffect {
  type: "job.cancel";
  jobId: string;
}

export interface HttpCallEffect {
  type: "http.call";
  callId: string;
  attempt: number;
  /** Same for every attempt of one call, so the receiver can drop duplicates. */
  idempotencyKey: string;
  request: HttpRequest;
}

export interface NotifySendEffect {
  type: "notify.send";
  notificationId: string;
  channel: NotifyConfig["channel"];
  to: Assignment[];
  url?: string;
  subject?: string;
  body: string;
}

export interface SubprocessStartEffect {
  type: "subprocess.start";
  childInstanceId: string;
  workflow: string;
  input: Record<string, unknown>;
  parentTokenId: string;
}

export interface SubprocessCancelEffect {
  type: "subprocess.cancel";
  childInstanceId: string;
  reason: string;
}

export interface IncidentOpenedEffect {
  type: "incident.opened";
  incidentId: string;
  nodeId: string;
  error: SerializedError;
}

export interface IncidentResolvedEffect {
  type: "incident.resolved";
  incidentId: string;
}

export interface SlaEscalateEffect {
  type: "sla.escalate";
  clock: SlaClockName;
  level: "warning" | "breach";
  atPercent: number;
  notify: Assignment[];
}

export interface InstanceCompletedEffect {
  type: "instance.completed";
  outcome?: string;
  variables: Record<string, unknown>;
  parent?: { instanceId: string; tokenId: string };
}

export interface InstanceCancelledEffect {
  type: "instance.cancelled";
  reason: string;
  parent?: { instanceId: string; tokenId: string };
}
