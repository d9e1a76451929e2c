import { type Static, Type } from "@sinclair/typebox";
import { AnyObject, ID_PATTERN, Nullable, People, Strict } from "./common.api.ts";
import { SlaStandingSchema } from "./sla-standing.ts";

export const TaskKindSchema = Type.Union([Type.Literal("task"), Type.Literal("approval")]);
export const TaskStateSchema = Type.Union([
  Type.Literal("open"),
  Type.Literal("claimed"),
  Type.Literal("completed"),
  Type.Literal("cancelled"),
]);

/**
 * A human task (user task or approval) on the wire. The engine stores tasks as
 * `TaskRecord`; this is what the API answers about one, under its own name.
 */
export const TaskView = Strict({
  id: Type.String(),
  instanceId: Type.String(),
  nodeId: Type.String(),
  tokenId: Type.String(),
  kind: TaskKindSchema,
  slot: Type.String(),
  title: Nullable(Type.String()),
  assigneeUser: Nullable(Type.String()),
  assigneeGroup: Nullable(Type.String()),
  state: TaskStateSchema,
  form: Nullable(Type.String()),
  formVersion: Type.Optional(Nullable(Type.Integer())),
  data: Type.Unknown(),
  outcome: Nullable(Type.String()),
  completedBy: Nullable(Type.String()),
  dueAt: Nullable(Type.String()),
  version: Type.Integer(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type TaskView = Static<typeof TaskView>;

/** The SLA clock an inbox measures a task against, with the instants its badge changes. */
export const TaskSlaClock = Strict({
  clock: Type.Union([Type.Literal("response"), Type.Literal("resolution"), Type.Literal("task")]),
  status: Type.Union([Type.Literal("running"), Type.Literal("paused")]),
  dueAt: Nullable(Type.String({ description: "When the target is reached if the clock keeps running." })),
  warningAt: Nullable(Type.String({ description: "When the next warning threshold is reached." })),
  warned: Type.Boolean(),
  breached: Type.Boolean(),
  standing: SlaStandingSchema,
  targetMs: Nullable(Type.Number()),
  consumedMs: Nullable(Type.Number()),
  warningPercents: Type.Array(Type.Number()),
});
export type TaskSlaClock = Static<typeof TaskSlaClock>;

/** An inbox row: the task with its request, the assignee's name and its SLA clock. */
export const InboxTask = Strict({
  ...TaskView.properties,
  measuredBy: Nullable(TaskSlaClock),
  assigneeName: Nullable(Type.String()),
  request: Nullable(
    Strict({
      id: Type.String(),
      title: Type.String(),
      requester: Type.String(),
      requesterName: Type.String(),
    }),
  ),
});
export type InboxTask = Static<typeof InboxTask>;

export const InboxTaskList = Strict({ items: Type.Array(InboxTask) });
export type InboxTaskList = Static<typeof InboxTaskList>;

export const InboxScope = Type.Union([Type.Literal("mine"), Type.Literal("groups")]);
export type InboxScope = Static<typeof InboxScope>;

export const TaskListQuery = Strict({
  scope: Type.Optional(InboxScope),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
});
export type TaskListQuery = Static<typeof TaskListQuery>;

export const RequireComment = Type.Union([
  Type.Literal("never"),
  Type.Literal("on-reject"),
  Type.Literal("always"),
]);

export const TaskOutcomeView = Strict({ id: Type.String(), label: Type.String() });
export type TaskOutcomeView = Static<typeof TaskOutcomeView>;

/** One SLA clock of the task's instance, as the task view shows it. */
export const TaskContextClock = Strict({
  clock: Type.String(),
  status: Type.Union([Type.Literal("running"), Type.Literal("paused"), Type.Literal("stopped")]),
  dueAt: Nullable(Type.String()),
  targetMs: Type.Number(),
  consumedMs: Type.Number(),
  breached: Type.Boolean(),
  standing: SlaStandingSchema,
});
export type TaskContextClock = Static<typeof TaskContextClock>;

/** A task with what its assignee needs to act: step rules, form version, request, data, SLA. */
export const TaskContext = Strict({
  task: TaskView,
  step: Strict({
    name: Type.String(),
    type: Type.String(),
    requireComment: RequireComment,
    allowDelegation: Type.Boolean(),
    outcomes: Type.Array(TaskOutcomeView, {
      description: 'The step\'s outcomes (empty: the single outcome "done").',
    }),
  }),
  form: Nullable(Strict({ id: Type.String(), version: Type.Integer() })),
  request: Nullable(
    Strict({ id: Type.String(), title: Type.String(), requester: Type.String(), createdAt: Type.String() }),
  ),
  requester: Nullable(Type.String()),
  variables: AnyObject,
  sla: Type.Array(TaskContextClock),
  measuredBy: Nullable(TaskSlaClock),
  people: People,
});
export type TaskContext = Static<typeof TaskContext>;

const Username = Type.String({ minLength: 1, maxLength: 100 });
const Comment = Type.String({ maxLength: 4000 });
const ExpectedVersion = Type.Integer({ minimum: 1 });

export const CompleteTaskBody = Strict({
  outcome: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  data: Type.Optional(AnyObject),
  version: Type.Optional(ExpectedVersion),
});
export type CompleteTaskBody = Static<typeof CompleteTaskBody>;

export const DecideApprovalBody = Strict({
  comment: Type.Optional(Comment),
  version: Type.Optional(ExpectedVersion),
});
export type DecideApprovalBody = Static<typeof DecideApprovalBody>;

export const ReassignTaskBody = Strict({
  user: Type.Optional(Username),
  group: Type.Optional(Type.String({ pattern: ID_PATTERN })),
});
export type ReassignTaskBody = Static<typeof ReassignTaskBody>;

export const DelegateTaskBody = Strict({ user: Username, comment: Type.Optional(Comment) });
export type DelegateTaskBody = Static<typeof DelegateTaskBody>;
