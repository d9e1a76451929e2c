import type {
  AssigneeRule,
  DefinitionBase,
  DefinitionId,
  Expression,
  IsoDuration,
  JsonSchema,
  Template,
} from "./common.ts";

/** Node type ids; the nodes registry (packages/nodes) holds one descriptor per id. */
export type NodeTypeId =
  | "start"
  | "end"
  | "user-task"
  | "approval"
  | "decision"
  | "fork"
  | "join"
  | "timer"
  | "service-call"
  | "notify"
  | "set-data"
  | "subprocess"
  | "wait-message";

export interface WorkflowNode<C = Record<string, unknown>> {
  id: string;
  type: NodeTypeId | string;
  /** Label shown on the canvas. */
  name?: string;
  config: C;
}

/**
 * A sequence flow. `outcome` says which of the source's outcomes it leaves by
 * (approval: "approved"/"rejected", task: one of its outcomes, attached timer: its id).
 * `condition` and `isDefault` are only meaningful on edges leaving a decision.
 */
export interface WorkflowEdge {
  id: string;
  source: string;
  target: string;
  outcome?: string;
  condition?: Expression;
  isDefault?: boolean;
  name?: string;
}

/** Canvas positions, kept apart from semantics so a re-layout never changes behaviour. */
export interface WorkflowLayout {
  nodes: Record<string, { x: number; y: number }>;
}

export interface WorkflowDefinition extends DefinitionBase<"workflow"> {
  /** JSON Schema (type object) of the instance variables; start/task form fields add to it. */
  variables: JsonSchema;
  /** SLA policy measured on instances of this workflow. */
  slaPolicy?: DefinitionId;
  /** Variable holding the priority the SLA policy's targets are chosen by (default "priority"). */
  priorityVariable?: string;
  nodes: WorkflowNode[];
  edges: WorkflowEdge[];
  layout?: WorkflowLayout;
}

/* ---- node configurations (the property schemas in packages/nodes mirror these) ---- */

/** A timer attached to a waiting step. Its id is the outcome an edge may leave by. */
export interface AttachedTimer {
  id: string;
  label?: string;
  after: IsoDuration;
  /** Count only business hours of the workflow's SLA calendar. */
  businessHours?: boolean;
  /** true = escalate (the step is cancelled), false = remind (the step keeps waiting). */
  interrupting: boolean;
}

export interface StartConfig {
  /** Catalog form whose data starts the instance; its fields become variables. */
  form?: DefinitionId;
}

export interface EndConfig {
  /** Outcome recorded on the instance, e.g. "resolved", "rejected". */
  outcome?: string;
  /** Ends the whole instance, cancelling every other token. */
  terminate?: boolean;
}

export interface TaskOutcome {
  id: string;
  label: string;
}

export interface UserTaskConfig {
  assignee: AssigneeRule;
  form?: DefinitionId;
  /** Named outcomes; default is a single "done". */
  outcomes?: TaskOutcome[];
  due?: IsoDuration;
  timers?: AttachedTimer[];
  instructions?: Template;
}

export interface ApprovalConfig {
  approvers: AssigneeRule[];
  mode: "any" | "all" | "quorum";
  /** Approvals needed when mode is "quorum". */
  quorum?: number;
  allowDelegation?: boolean;
  requireComment?: "never" | "on-reject" | "always";
  form?: DefinitionId;
  timers?: AttachedTimer[];
  instructions?: Template;
}

/** Exclusive decision: conditions live on the outgoing edges, one edge is the default. */
export type DecisionConfig = Record<string, never>;
export type ForkConfig = Record<string, never>;
export type JoinConfig = Record<string, never>;

export interface TimerConfig {
  mode: "duration" | "date" | "business-duration";
  duration?: IsoDuration;
  /** CEL giving an ISO date-time or timestamp, for mode "date". */
  date?: Expression;
}

export interface ServiceCallConfig {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  url: Template;
  headers?: Record<string, Template>;
  body?: Template;
  timeoutMs?: number;
  retry?: { maxAttempts: number; backoffMs: number; factor?: number };
  /** Template for the Idempotency-Key header; default is instance id + node id + attempt-independent token id. */
  idempotencyKey?: Template;
  /** variable name -> CEL over `response` ({status, body, headers}). */
  resultMapping?: Record<string, Expression>;
}

export interface NotifyConfig {
  channel: "in-app" | "email" | "webhook";
  to?: AssigneeRule[];
  url?: Template;
  subject?: Template;
  body: Template;
}

export interface SetDataConfig {
  assignments: { variable: string; expression: Expression }[];
}

export interface SubprocessConfig {
  workflow: DefinitionId;
  /** child variable -> CEL over the parent's variables. */
  input?: Record<string, Expression>;
  /** parent variable -> CEL over the child's variables. */
  output?: Record<string, Expression>;
}

export interface WaitMessageConfig {
  message: string;
  /** CEL evaluated when the wait starts; a delivered message must carry the same key. */
  correlationKey: Expression;
  timers?: AttachedTimer[];
}
