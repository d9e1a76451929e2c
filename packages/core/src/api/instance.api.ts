import { type Static, Type } from "@sinclair/typebox";
import { AnyObject, ID_PATTERN, Nullable, PAGING, Page, People, Strict } from "./common.api.ts";
import { SlaStandingSchema } from "./sla-standing.ts";
import { TaskView } from "./task.api.ts";

export const InstanceStatusSchema = Type.Union([
  Type.Literal("running"),
  Type.Literal("completed"),
  Type.Literal("cancelled"),
]);

/** One row of an instance's history: append-only, ordered by the global `seq`. */
export const HistoryEntryView = Strict({
  seq: Type.Integer(),
  instanceId: Type.String(),
  type: Type.String(),
  nodeId: Nullable(Type.String()),
  tokenId: Nullable(Type.String()),
  actor: Nullable(Type.String()),
  data: Type.Unknown(),
  at: Type.String(),
});
export type HistoryEntryView = Static<typeof HistoryEntryView>;

export const InstanceSummaryView = Strict({
  id: Type.String(),
  definitionId: Type.String(),
  definitionVersion: Type.Integer(),
  definitionHash: Type.String(),
  status: InstanceStatusSchema,
  version: Type.Integer(),
  businessKey: Nullable(Type.String()),
  parentInstanceId: Nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type InstanceSummaryView = Static<typeof InstanceSummaryView>;

export const InstancePage = Page(InstanceSummaryView);
export type InstancePage = Static<typeof InstancePage>;

export const InstanceListQuery = Strict({
  definition: Type.Optional(Type.String({ pattern: ID_PATTERN })),
  status: Type.Optional(InstanceStatusSchema),
  ...PAGING,
});
export type InstanceListQuery = Static<typeof InstanceListQuery>;

/** Where an instance waits: one entry per waiting token. */
export const WaitPosition = Strict({
  nodeId: Type.String(),
  tokenId: Type.String(),
  waitsFor: Type.String(),
});
export type WaitPosition = Static<typeof WaitPosition>;

export const SlaClockNameSchema = Type.Union([Type.Literal("response"), Type.Literal("resolution")]);

/** An SLA clock as the instance state keeps it (derived from history, so it can be explained). */
export const SlaClockView = Strict({
  status: Type.Union([Type.Literal("running"), Type.Literal("paused"), Type.Literal("stopped")]),
  targetMs: Type.Number(),
  consumedMs: Type.Number(),
  since: Type.Optional(Type.String()),
  dueAt: Type.Optional(Type.String()),
  reached: Type.Array(Type.Integer()),
  checkpoints: Type.Optional(Type.Record(Type.String(), Type.String())),
  stoppedAt: Type.Optional(Type.String()),
  breached: Type.Boolean(),
});
export type SlaClockView = Static<typeof SlaClockView>;

export const InstanceSlaView = Strict({
  policyId: Type.String(),
  priority: Type.String(),
  paused: Type.Boolean(),
  clocks: Strict({ response: SlaClockView, resolution: SlaClockView }),
});
export type InstanceSlaView = Static<typeof InstanceSlaView>;

export const SerializedErrorView = Strict({
  code: Type.String(),
  kind: Type.Union([Type.Literal("user"), Type.Literal("operational"), Type.Literal("unexpected")]),
  message: Type.String(),
  pointer: Type.Optional(Type.String()),
  retryable: Type.Boolean(),
  details: Type.Optional(AnyObject),
});

/** A step or job that failed for good and waits for an admin. */
export const IncidentView = Strict({
  id: Type.String(),
  instanceId: Type.String(),
  nodeId: Nullable(Type.String()),
  tokenId: Nullable(Type.String()),
  jobId: Nullable(Type.String()),
  error: SerializedErrorView,
  status: Type.Union([Type.Literal("open"), Type.Literal("resolved")]),
  retryCount: Type.Integer(),
  createdAt: Type.String(),
  resolvedAt: Nullable(Type.String()),
});
export type IncidentView = Static<typeof IncidentView>;

export const IncidentList = Strict({ items: Type.Array(IncidentView) });
export type IncidentList = Static<typeof IncidentList>;

export const IncidentListQuery = Strict({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })) });

/** One instance with everything the staff view shows: variables, history, tasks, positions. */
export const InstanceDetail = Strict({
  ...InstanceSummaryView.properties,
  requester: Type.String(),
  variables: AnyObject,
  positions: Type.Array(WaitPosition),
  history: Type.Array(HistoryEntryView),
  tasks: Type.Array(TaskView),
  sla: Nullable(InstanceSlaView),
  incidents: Type.Array(IncidentView),
  people: People,
});
export type InstanceDetail = Static<typeof InstanceDetail>;

/** Body of the cancel operations (a requester withdrawing a request, staff cancelling an instance). */
export const CancelBody = Strict({ reason: Type.Optional(Type.String({ maxLength: 2000 })) });
export type CancelBody = Static<typeof CancelBody>;

/** What a command on an instance answers: its new status and version. */
export const InstanceMoved = Strict({
  id: Type.String(),
  status: InstanceStatusSchema,
  version: Type.Integer(),
});
export type InstanceMoved = Static<typeof InstanceMoved>;

export const IncidentRetried = Strict({
  instanceId: Type.String(),
  status: InstanceStatusSchema,
  version: Type.Integer(),
});
export type IncidentRetried = Static<typeof IncidentRetried>;

/** What a reconnecting client missed, filtered to what it may see. */
export const EventPage = Strict({
  items: Type.Array(HistoryEntryView),
  next: Type.Integer(),
  more: Type.Boolean(),
});
export type EventPage = Static<typeof EventPage>;

export const EventQuery = Strict({
  after: Type.Optional(Type.Integer({ minimum: 0 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
});
export type EventQuery = Static<typeof EventQuery>;

export const WaitingInstanceView = Strict({
  id: Type.String(),
  version: Type.Integer(),
  startedAt: Type.String(),
  title: Nullable(Type.String()),
  summary: Nullable(Type.String()),
  requester: Type.String(),
  waiting: Type.Array(Strict({ nodeId: Type.String(), since: Type.String() })),
  waitingSince: Type.String(),
  sla: Nullable(
    Strict({ priority: Type.String(), state: SlaStandingSchema, dueAt: Nullable(Type.String()) }),
  ),
});
export type WaitingInstanceView = Static<typeof WaitingInstanceView>;

export const WorkflowPositionsView = Strict({
  workflowId: Type.String(),
  newestVersion: Nullable(Type.Integer()),
  running: Type.Integer(),
  truncated: Type.Boolean(),
  versions: Type.Array(
    Strict({
      version: Type.Integer(),
      running: Type.Integer(),
      nodes: Type.Record(Type.String(), Type.Integer()),
    }),
  ),
  instances: Type.Array(WaitingInstanceView),
  people: People,
});
export type WorkflowPositionsView = Static<typeof WorkflowPositionsView>;
