import type { SerializedError } from "../errors.ts";

/**
 * The serialisable state of one workflow instance: everything the engine core needs to
 * resume it, nothing it can recompute from the definition. Plain JSON (no Dates, no
 * classes) so the store can keep it in one column and the web app can read it.
 */
export const INSTANCE_STATE_VERSION = 1 as const;

/** ISO 8601 instant in UTC, e.g. "2026-03-02T14:00:00.000Z". */
export type Instant = string;

export type InstanceStatus = "running" | "completed" | "cancelled";

export interface InstanceState {
  /** Shape version of this object; `upgradeInstanceState` brings older shapes forward. */
  stateVersion: typeof INSTANCE_STATE_VERSION;
  instanceId: string;
  definitionId: string;
  status: InstanceStatus;
  /** Outcome of the end step that finished the instance (e.g. "resolved"). */
  outcome?: string;
  requester: string;
  startedAt: Instant;
  endedAt?: Instant;
  /** Set when this instance runs as a subprocess of another. */
  parent?: { instanceId: string; tokenId: string };
  variables: Record<string, unknown>;
  /** Live tokens by id; a token that left the process is removed. */
  tokens: Record<string, Token>;
  /** Open tasks and approval tasks by task id; closed tasks are removed (history keeps them). */
  tasks: Record<string, TaskRecord>;
  /** Approval tallies by the id of the token waiting at the approval. */
  approvals: Record<string, ApprovalRecord>;
  /** Scheduled jobs by job id: timers, attached timers, SLA checkpoints, retry back-offs. */
  jobs: Record<string, JobRecord>;
  /** Outstanding HTTP calls by call id. */
  calls: Record<string, ServiceCallRecord>;
  /** Running child instances by child instance id. */
  subprocesses: Record<string, SubprocessRecord>;
  /** Open fork activations by id: how many tokens of each parallel region are alive. */
  forks: Record<string, ForkActivation>;
  /** Open incidents by id. */
  incidents: Record<string, Incident>;
  sla?: SlaState;
}

export interface Token {
  id: string;
  /** Node the token stands on. */
  nodeId: string;
  /** Fork activations the token lives in, outermost first; omitted when empty. */
  scopes?: string[];
  /** What the token waits for; absent only while the core is moving it. */
  wait?: TokenWait;
  /** Attached timers armed for the current step: timer id -> job id. */
  timers?: Record<string, string>;
}

export type TokenWait =
  | { kind: "task"; taskId: string }
  | { kind: "approval" }
  | { kind: "timer"; jobId: string }
  | { kind: "service-call"; callId: string }
  | { kind: "subprocess"; childInstanceId: string }
  | { kind: "message"; message: string; correlationKey: string }
  | { kind: "incident"; incidentId: string };

/** Who a task is for, after assignee rules have been resolved. */
export type Assignment =
  | { kind: "user"; user: string }
  | { kind: "group"; group: string }
  | { kind: "role"; role: string };

export interface TaskRecord {
  id: string;
  tokenId: string;
  nodeId: string;
  kind: "task" | "approval";
  assignment: Assignment;
  createdAt: Instant;
  dueAt?: Instant;
  claimedBy?: string;
}

export interface ApprovalVote {
  taskId: string;
  decision: "approved" | "rejected";
  by: string;
  comment?: string;
  at: Instant;
}

export interface ApprovalRecord {
  nodeId: string;
  mode: "any" | "all" | "quorum";
  /** Approvals needed to pass. */
  needed: number;
  /** Number of approver tasks created. */
  approvers: number;
  votes: ApprovalVote[];
}

export type JobPurpose =
  | { kind: "timer"; tokenId: string }
  | { kind: "attached-timer"; tokenId: string; timerId: string }
  | { kind: "http-retry"; tokenId: string; callId: string }
  | { kind: "sla-checkpoint"; clock: SlaClockName; escalation: number };

export interface JobRecord {
  id: string;
  dueAt: Instant;
  purpose: JobPurpose;
}

export interface HttpRequest {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  url: string;
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
}

export interface HttpResponse {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface ServiceCallRecord {
  id: string;
  tokenId: string;
  nodeId: string;
  /** 1-based attempt currently in flight or waiting for its back-off. */
  attempt: number;
  idempotencyKey: string;
  request: HttpRequest;
}

export interface SubprocessRecord {
  childInstanceId: string;
  tokenId: string;
  nodeId: string;
  workflow: string;
}

export interface ForkActivation {
  forkNodeId: string;
  /** Join that closes the region, found through the graph; absent when branches never meet. */
  joinNodeId?: string;
  /** Tokens alive inside the region (nested regions included). */
  live: number;
  /** Tokens that reached the join. */
  arrived: number;
}

export interface Incident {
  id: string;
  tokenId: string;
  nodeId: string;
  openedAt: Instant;
  error: SerializedError;
}

export type SlaClockName = "response" | "resolution";

/**
 * One SLA clock. Elapsed time is counted in milliseconds of the policy's calendar
 * (business hours or wall clock): `consumedMs` up to `since`, plus whatever passed since
 * `since` while running.
 */
export interface SlaClock {
  status: "running" | "paused" | "stopped";
  targetMs: number;
  consumedMs: number;
  /** When counting last (re)started; set while running. */
  since?: Instant;
  /** When the target is reached if the clock keeps running; set while running. */
  dueAt?: Instant;
  /** Escalations (indexes into the policy's escalations) already reached. */
  reached: number[];
  /** Checkpoint jobs armed while running: escalation index -> job id. */
  checkpoints?: Record<string, string>;
  stoppedAt?: Instant;
  breached: boolean;
}

export interface SlaState {
  policyId: string;
  priority: string;
  paused: boolean;
  clocks: Record<SlaClockName, SlaClock>;
}
