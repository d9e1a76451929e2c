import type {
  AssigneeRule,
  IsoDuration,
  WorkflowDefinition,
  WorkflowEdge,
  WorkflowNode,
} from "../definitions/index.ts";
import type { Effect } from "./effect.ts";
import type { EngineEvent } from "./engine-event.ts";
import type { HistoryEntry } from "./history-entry.ts";
import type {
  Assignment,
  HttpRequest,
  InstanceState,
  Instant,
  JobPurpose,
  TaskRecord,
  Token,
  TokenWait,
} from "./instance-state.ts";

/**
 * What a node type does, as pure functions over a context the engine core provides.
 * Behaviours live in packages/nodes (one per type folder); the core owns tokens, edges,
 * fork regions, attached timers, SLA clocks and the clean-up of cancelled steps, so a
 * behaviour only says what its own type means.
 *
 * A behaviour that throws a FlowdeskError whose code is a rejection code (see the engine)
 * rejects the whole event; any other error opens an incident on the token.
 */
export interface NodeBehaviour<C = Record<string, unknown>> {
  /** A token entered the node: do the work, then wait, leave, fork, join or end. */
  enter(ctx: NodeContext<C>): void;
  /** An event addressed to the token waiting here (task, approval, job, HTTP, child, message). */
  resume?(ctx: NodeContext<C>, event: EngineEvent): void;
}

export interface NodeContext<C = Record<string, unknown>> {
  readonly definition: WorkflowDefinition;
  readonly node: WorkflowNode<C>;
  readonly token: Readonly<Token>;
  /** Edges leaving the node, in definition order. */
  readonly outgoing: readonly WorkflowEdge[];
  readonly state: Readonly<InstanceState>;
  /** Current variables, including changes made earlier in this call. */
  readonly variables: Readonly<Record<string, unknown>>;
  readonly now: Instant;
  newId(prefix: string): string;

  /* expressions: failures throw and become an incident on the token */
  evaluate(expression: string, extra?: Record<string, unknown>): unknown;
  condition(expression: string, extra?: Record<string, unknown>): boolean;
  render(template: string, extra?: Record<string, unknown>): string;
  /** Evaluates over other variables than the instance's (e.g. a finished child's). */
  evaluateOver(expression: string, variables: Record<string, unknown>): unknown;
  /** Resolves an assignee rule to concrete assignments (expression rules may give several). */
  resolveAssignees(rule: AssigneeRule): Assignment[];
  /** `from` plus an ISO duration, counted on the business calendar when asked. */
  addDuration(from: Instant, duration: IsoDuration, businessHours?: boolean): Instant;

  /* commands */
  setVariables(values: Record<string, unknown>): void;
  emit(effect: Effect): void;
  record(entry: Omit<HistoryEntry, "at">): void;
  openTask(
    task: Omit<TaskRecord, "id" | "tokenId" | "nodeId" | "createdAt">,
    effect: OpenTaskDetails,
  ): string;
  /** Closes a task that was done (removes it from the open tasks); `data` is what the person sent with it. */
  closeTask(taskId: string, outcome: string, by: string, data?: Record<string, unknown>): void;
  cancelTask(taskId: string, reason: string): void;
  reassignTask(taskId: string, assignment: Assignment, by: string): void;
  scheduleJob(dueAt: Instant, purpose: JobPurpose): string;
  cancelJob(jobId: string): void;
  /** Registers an HTTP call and emits its first attempt; returns the call id. */
  callHttp(request: HttpRequest, idempotencyKey: string): string;
  /** Emits the next attempt of an outstanding call (same idempotency key). */
  retryHttp(callId: string): void;
  closeCall(callId: string): void;
  /** Registers a child instance and emits subprocess.start; returns the child instance id. */
  startSubprocess(workflow: string, input: Record<string, unknown>): string;
  closeSubprocess(childInstanceId: string): void;
  /** The token stays on the node until an event resumes it. */
  wait(wait: TokenWait): void;
  /** Leaves by the edges that name `outcome` (else the unnamed ones). */
  leave(outcome?: string): void;
  /** Leaves by these edge ids (decisions choose their edge themselves). */
  leaveBy(edgeIds: string[]): void;
  /** Splits into one token per outgoing edge inside a new fork region. */
  fork(): void;
  /** Arrives at a join: it fires once every live token of its region has arrived. */
  join(): void;
  /** The token ends here; `terminate` ends the whole instance. */
  end(outcome: string | undefined, terminate: boolean): void;
}

export interface OpenTaskDetails {
  title: string;
  form?: string;
  outcomes: { id: string; label: string }[];
  instructions?: string;
}
