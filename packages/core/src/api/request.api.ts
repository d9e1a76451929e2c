import { type Static, Type } from "@sinclair/typebox";
import { AnyObject, ID_PATTERN, Nullable, PAGING, Page, People, Strict } from "./common.api.ts";
import { HistoryEntryView, InstanceStatusSchema } from "./instance.api.ts";
import { SlaStandingSchema } from "./sla-standing.ts";
import { TaskView } from "./task.api.ts";

/** A service request: a catalog item submitted, with the exact versions it runs on. */
export const RequestView = Strict({
  id: Type.String(),
  title: Type.String(),
  requester: Type.String(),
  catalogItemId: Type.String(),
  catalogItemVersion: Type.Integer(),
  formId: Type.String(),
  formVersion: Type.Integer(),
  formHash: Type.String(),
  workflowId: Type.String(),
  workflowVersion: Type.Integer(),
  workflowHash: Type.String(),
  status: InstanceStatusSchema,
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type RequestView = Static<typeof RequestView>;

export const RequestPage = Page(RequestView);
export type RequestPage = Static<typeof RequestPage>;

export const RequestListQuery = Strict({ status: Type.Optional(InstanceStatusSchema), ...PAGING });
export type RequestListQuery = Static<typeof RequestListQuery>;

export const SubmitRequestBody = Strict({
  catalogItemId: Type.String({ pattern: ID_PATTERN }),
  formVersion: Type.Optional(
    Type.Integer({ minimum: 1, description: "The form version the requester filled; default the newest." }),
  ),
  data: AnyObject,
});
export type SubmitRequestBody = Static<typeof SubmitRequestBody>;

/** An SLA clock of a request, as its requester follows it. */
export const RequestClock = Strict({
  clock: Type.Union([Type.Literal("response"), Type.Literal("resolution")]),
  status: Type.Union([Type.Literal("running"), Type.Literal("paused"), Type.Literal("stopped")]),
  dueAt: Nullable(Type.String()),
  stoppedAt: Nullable(Type.String()),
  breached: Type.Boolean(),
  standing: SlaStandingSchema,
});
export type RequestClock = Static<typeof RequestClock>;

export const RequestSla = Strict({
  priority: Type.String(),
  paused: Type.Boolean(),
  /** The SLA's standing as a whole: its most urgent clock (see slaStanding). */
  standing: SlaStandingSchema,
  clocks: Type.Array(RequestClock),
});
export type RequestSla = Static<typeof RequestSla>;

/** A workflow step's name and type, by node id (history names steps by id). */
export const StepName = Strict({ name: Type.String(), type: Type.String() });

/** What a requester needs beside the raw history to follow their request. */
export const RequestProgress = Strict({
  steps: Type.Record(Type.String(), StepName),
  people: People,
  sla: Nullable(RequestSla),
  mayCancel: Type.Boolean({ description: "The caller is the requester and the request still runs." }),
});
export type RequestProgress = Static<typeof RequestProgress>;

/** One request with its timeline, open tasks and progress. */
export const RequestDetail = Strict({
  ...RequestView.properties,
  timeline: Type.Array(HistoryEntryView),
  openTasks: Type.Array(TaskView),
  ...RequestProgress.properties,
});
export type RequestDetail = Static<typeof RequestDetail>;
