import type { AddressedLiveEvent, InstanceStatus } from "@flowdesk/core";
import type { CommandResult, HistoryRecord, OutboxRecord, TaskRecord } from "@flowdesk/engine";
import type { ServerTransaction } from "@flowdesk/store";

export type { LiveEventName } from "@flowdesk/core";

/** An event addressed to rooms, its payload typed by its name (core's live-event.api.ts). */
export type LiveEvent = AddressedLiveEvent;

export const rooms = {
  /** Every socket of one session (by the session id's hash): sign-out ends them in every process. */
  session: (sessionIdHash: string) => `session:${sessionIdHash}`,
  user: (userId: string) => `user:${userId}`,
  group: (groupId: string) => `group:${groupId}`,
  instance: (instanceId: string) => `instance:${instanceId}`,
  definition: (definitionId: string) => `definition:${definitionId}`,
};

const TASK_CHANGES = new Set([
  "task.claimed",
  "task.completed",
  "task.cancelled",
  "approval.decided",
  "approval.delegated",
  "task.reassigned",
  "task.unclaimed",
]);

interface ChangedPayload {
  instanceId: string;
  definitionId: string;
  definitionVersion: number;
  status: InstanceStatus;
  version: number;
  types: string[];
}

const taskIdOf = (entry: HistoryRecord): string | undefined => {
  const taskId = (entry.data as { taskId?: unknown } | null)?.taskId;
  return typeof taskId === "string" ? taskId : undefined;
};

/**
 * Turns the outbox rows of one committed command into live events addressed to rooms:
 * task events go to the assignee's user room, the group queue and the instance room;
 * instance changes to the instance and definition rooms; request status to the
 * requester. `userRoom` maps a user name (as assignments name people) to its room.
 */
export async function liveEventsOf(
  tx: ServerTransaction,
  result: Pick<CommandResult, "outbox" | "history">,
  userRoom: (username: string) => Promise<string | undefined>,
): Promise<LiveEvent[]> {
  const events: LiveEvent[] = [];
  const lastSeq =
    result.history.at(-1)?.seq ?? Math.max(0, ...result.outbox.map((row) => row.historySeq ?? 0));
  for (const row of result.outbox) {
    if (row.topic === "instance.changed")
      events.push(...(await instanceChanged(tx, row, result.history, userRoom)));
    else if (row.topic === "sla.escalate" && row.instanceId !== null) {
      events.push(await slaEscalation(row, row.instanceId, row.historySeq ?? lastSeq, userRoom));
    }
  }
  return events;
}

async function instanceChanged(
  tx: ServerTransaction,
  row: OutboxRecord,
  history: HistoryRecord[],
  userRoom: (username: string) => Promise<string | undefined>,
): Promise<LiveEvent[]> {
  const change = row.payload as ChangedPayload;
  const instanceRoom = rooms.instance(change.instanceId);
  const seq = row.historySeq ?? 0;
  const events: LiveEvent[] = [];
  const entries = history.filter((entry) => entry.instanceId === change.instanceId);
  const touched = entries.filter((entry) => entry.type === "task.created" || TASK_CHANGES.has(entry.type));
  if (touched.length > 0) {
    const tasks = new Map<string, TaskRecord>(
      (await tx.tasks.listByInstance(change.instanceId)).map((task) => [task.id, task]),
    );
    for (const entry of touched) {
      const taskId = taskIdOf(entry);
      const task = taskId === undefined ? undefined : tasks.get(taskId);
      if (task === undefined) continue;
      const audience = [instanceRoom];
      if (task.assigneeGroup !== null) audience.push(rooms.group(task.assigneeGroup));
      if (task.assigneeUser !== null) {
        const room = await userRoom(task.assigneeUser);
        if (room !== undefined) audience.push(room);
      }
      for (const room of await formerAudience(entry, userRoom)) {
        if (!audience.includes(room)) audience.push(room);
      }
      events.push({
        name: entry.type === "task.created" ? "task.created" : "task.updated",
        rooms: audience,
        payload: { seq: entry.seq, change: entry.type, task },
      });
    }
  }
  events.push({
    name: "instance.updated",
    rooms: [instanceRoom, rooms.definition(change.definitionId)],
    payload: {
      seq,
      instanceId: change.instanceId,
      definitionId: change.definitionId,
      definitionVersion: change.definitionVersion,
      status: change.status,
      version: change.version,
      types: change.types,
    },
  });
  const request = await tx.requests.get(change.instanceId);
  if (request !== undefined) {
    events.push({
      name: "request.status",
      rooms: [rooms.user(request.requesterId), instanceRoom],
      payload: { seq, requestId: request.instanceId, status: change.status, types: change.types },
    });
  }
  return events;
}

/** Who had the task before this entry moved it (reassigned, unclaimed, delegated): they hear it left. */
async function formerAudience(
  entry: HistoryRecord,
  userRoom: (username: string) => Promise<string | undefined>,
): Promise<string[]> {
  const from = (entry.data as { from?: { user?: unknown; group?: unknown } } | null)?.from;
  const former: string[] = [];
  if (typeof from?.group === "string") former.push(rooms.group(from.group));
  const user =
    typeof from?.user === "string" ? from.user : entry.type === "approval.delegated" ? entry.actor : null;
  if (user !== null) {
    const room = await userRoom(user);
    if (room !== undefined) former.push(room);
  }
  return former;
}

async function slaEscalation(
  row: OutboxRecord,
  instanceId: string,
  seq: number,
  userRoom: (username: string) => Promise<string | undefined>,
): Promise<LiveEvent> {
  const escalation = row.payload as {
    clock: string;
    level: "warning" | "breach";
    atPercent: number;
    notify?: { kind: string; user?: string; group?: string }[];
  };
  const audience = [rooms.instance(instanceId)];
  for (const target of escalation.notify ?? []) {
    if (target.kind === "group" && target.group !== undefined) audience.push(rooms.group(target.group));
    if (target.kind === "user" && target.user !== undefined) {
      const room = await userRoom(target.user);
      if (room !== undefined) audience.push(room);
    }
  }
  return {
    name: escalation.level === "breach" ? "sla.breached" : "sla.warning",
    rooms: audience,
    payload: { seq, instanceId, clock: escalation.clock, atPercent: escalation.atPercent },
  };
}
