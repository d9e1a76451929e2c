import type { SerializedError } from "../errors.ts";
import type { Assignment, HttpResponse } from "./instance-state.ts";

/**
 * Everything that can happen to an instance, as data. The runtime turns commands
 * (HTTP requests, due jobs, effect results) into these and feeds them to `step`.
 */
export type EngineEvent =
  | InstanceStartEvent
  | InstanceCancelEvent
  | VariablesSetEvent
  | TaskClaimedEvent
  | TaskUnclaimedEvent
  | TaskReassignedEvent
  | TaskCompletedEvent
  | ApprovalDecidedEvent
  | ApprovalDelegatedEvent
  | JobFiredEvent
  | HttpResultEvent
  | SubprocessCompletedEvent
  | SubprocessFailedEvent
  | MessageDeliverEvent
  | IncidentRetryEvent;

export type EngineEventType = EngineEvent["type"];

/** Starts a new instance; the only event `step` accepts without a state. */
export interface InstanceStartEvent {
  type: "instance.start";
  instanceId: string;
  /** User who asked for it; becomes the `requester` variable. */
  requester: string;
  /** Start form data; each field becomes a variable. */
  data?: Record<string, unknown>;
  /** Set when a parent instance starts this one as a subprocess. */
  parent?: { instanceId: string; tokenId: string };
}

export interface InstanceCancelEvent {
  type: "instance.cancel";
  by: string;
  reason?: string;
}

/** An agent or an integration changes variables outside a task (e.g. state = "waiting-on-customer"). */
export interface VariablesSetEvent {
  type: "variables.set";
  by: string;
  variables: Record<string, unknown>;
}

/** Someone takes a task for themselves. Claiming a task one already holds changes nothing. */
export interface TaskClaimedEvent {
  type: "task.claimed";
  taskId: string;
  by: string;
}

/** A claimed task goes back to whom it was assigned (its group queue). */
export interface TaskUnclaimedEvent {
  type: "task.unclaimed";
  taskId: string;
  by: string;
}

/** A task is sent to another user or group; nobody holds it until they claim it. */
export interface TaskReassignedEvent {
  type: "task.reassigned";
  taskId: string;
  by: string;
  to: Assignment;
}

export interface TaskCompletedEvent {
  type: "task.completed";
  taskId: string;
  by: string;
  /** One of the task's outcomes; default "done". */
  outcome?: string;
  /** Task form data, merged into the variables. */
  data?: Record<string, unknown>;
}

export interface ApprovalDecidedEvent {
  type: "approval.decided";
  taskId: string;
  by: string;
  decision: "approved" | "rejected";
  comment?: string;
}

export interface ApprovalDelegatedEvent {
  type: "approval.delegated";
  taskId: string;
  by: string;
  to: string;
  comment?: string;
}

/** A scheduled job came due (timer, attached timer, SLA checkpoint, retry back-off). */
export interface JobFiredEvent {
  type: "job.fired";
  jobId: string;
}

/** Result of an `http.call` effect: a response (any status) or a transport error. */
export interface HttpResultEvent {
  type: "http.result";
  callId: string;
  attempt: number;
  response?: HttpResponse;
  error?: SerializedError;
}

export interface SubprocessCompletedEvent {
  type: "subprocess.completed";
  childInstanceId: string;
  outcome?: string;
  variables: Record<string, unknown>;
}

export interface SubprocessFailedEvent {
  type: "subprocess.failed";
  childInstanceId: string;
  error: SerializedError;
}

export interface MessageDeliverEvent {
  type: "message.deliver";
  message: string;
  correlationKey: string;
  data?: Record<string, unknown>;
}

/** An admin retries the step an incident stopped. */
export interface IncidentRetryEvent {
  type: "incident.retry";
  incidentId: string;
  by: string;
}
