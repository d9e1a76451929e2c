import { type Static, Type } from "@sinclair/typebox";
import type { LiveEventName } from "../instance/live-event.ts";
import { Strict } from "./common.api.ts";
import { InstanceStatusSchema } from "./instance.api.ts";
import { TaskView } from "./task.api.ts";

/*
 * The payloads of the live (socket.io) events. Each carries the global history `seq` it
 * brings the client up to, so a client that reconnects asks for what it missed from there.
 */

const Seq = Type.Integer({ minimum: 0 });

/** A task appeared or changed: `change` is the history entry type that moved it. */
export const TaskLiveEvent = Strict({ seq: Seq, change: Type.String(), task: TaskView });
export type TaskLiveEvent = Static<typeof TaskLiveEvent>;

export const InstanceLiveEvent = Strict({
  seq: Seq,
  instanceId: Type.String(),
  definitionId: Type.String(),
  definitionVersion: Type.Integer(),
  status: InstanceStatusSchema,
  version: Type.Integer(),
  types: Type.Array(Type.String()),
});
export type InstanceLiveEvent = Static<typeof InstanceLiveEvent>;

export const RequestStatusLiveEvent = Strict({
  seq: Seq,
  requestId: Type.String(),
  status: InstanceStatusSchema,
  types: Type.Array(Type.String()),
});
export type RequestStatusLiveEvent = Static<typeof RequestStatusLiveEvent>;

export const SlaLiveEvent = Strict({
  seq: Seq,
  instanceId: Type.String(),
  clock: Type.String(),
  atPercent: Type.Number(),
});
export type SlaLiveEvent = Static<typeof SlaLiveEvent>;

export const DefinitionPublishedLiveEvent = Strict({
  seq: Seq,
  definitionId: Type.String(),
  kind: Type.String(),
  version: Type.Integer(),
});
export type DefinitionPublishedLiveEvent = Static<typeof DefinitionPublishedLiveEvent>;

/** Each event's payload schema, by event name: the server sends these, the browser listens for them. */
export const LIVE_EVENT_PAYLOADS = {
  "task.created": TaskLiveEvent,
  "task.updated": TaskLiveEvent,
  "instance.updated": InstanceLiveEvent,
  "request.status": RequestStatusLiveEvent,
  "sla.warning": SlaLiveEvent,
  "sla.breached": SlaLiveEvent,
  "definition.published": DefinitionPublishedLiveEvent,
} satisfies Record<LiveEventName, unknown>;

export type LiveEventPayloads = {
  [Name in LiveEventName]: Static<(typeof LIVE_EVENT_PAYLOADS)[Name]>;
};
export type LiveEventPayload<Name extends LiveEventName> = LiveEventPayloads[Name];

/** A live event addressed to rooms, typed by its name. */
export type AddressedLiveEvent = {
  [Name in LiveEventName]: { name: Name; rooms: string[]; payload: LiveEventPayloads[Name] };
}[LiveEventName];
