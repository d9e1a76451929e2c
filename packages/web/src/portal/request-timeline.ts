import { clockStanding, descriptorOf } from "@flowdesk/core";
import { nodeRegistry } from "@flowdesk/nodes/descriptors";
import type { HistoryEntry, RequestDetail } from "./portal-api.ts";

/*
 * A request's history as a requester reads it: submitted, who it waits for, who decided
 * and what they said, who picked work up, how it ended. Engine bookkeeping (tokens,
 * forks, variables) is left out; each entry keeps the history's time and actor.
 */

export type TimelineEvent =
  | { kind: "submitted" }
  | { kind: "assigned"; step: string; approval: boolean; user?: string; group?: string }
  | { kind: "claimed"; step: string }
  | { kind: "decided"; step: string; decision: "approved" | "rejected"; comment?: string }
  | { kind: "delegated"; step: string; to: string; comment?: string }
  | { kind: "stepDone"; step: string; outcome?: string }
  | { kind: "timerFired"; step: string }
  | { kind: "slaWarning"; clock: string }
  | { kind: "slaBreached"; clock: string }
  | { kind: "problem"; step: string }
  | { kind: "problemSolved"; step: string }
  | { kind: "completed"; outcome?: string }
  | { kind: "cancelled"; reason?: string };

export interface TimelineEntry {
  key: string;
  at: string;
  actor: string | null;
  event: TimelineEvent;
}

type Data = Record<string, unknown>;
const dataOf = (entry: HistoryEntry): Data =>
  entry.data !== null && typeof entry.data === "object" ? (entry.data as Data) : {};
const text = (value: unknown): string | undefined =>
  typeof value === "string" && value.trim() !== "" ? value : undefined;

/** A person as the requester knows them: their display name, else their user name. */
export const personName = (detail: Pick<RequestDetail, "people">, username: string): string =>
  detail.people?.[username] ?? username;

const eventOf = (entry: HistoryEntry, detail: RequestDetail): TimelineEvent | undefined => {
  const data = dataOf(entry);
  const person = (username: string | undefined) =>
    username === undefined ? undefined : personName(detail, username);
  const step = entry.nodeId === null ? "" : (detail.steps[entry.nodeId]?.name ?? entry.nodeId);
  const stepType = entry.nodeId === null ? undefined : detail.steps[entry.nodeId]?.type;
  const isApproval = descriptorOf(nodeRegistry, stepType)?.personWork === "approval";
  switch (entry.type) {
    case "instance.started":
      return { kind: "submitted" };
    case "task.created": {
      const assignment = (data.assignment ?? {}) as Data;
      const user = person(text(assignment.user));
      const group = text(assignment.group);
      return {
        kind: "assigned",
        step,
        approval: isApproval,
        ...(user === undefined ? {} : { user }),
        ...(group === undefined ? {} : { group }),
      };
    }
    case "task.claimed":
      return { kind: "claimed", step };
    case "approval.decided": {
      const comment = text(data.comment);
      const decision = data.decision === "rejected" ? "rejected" : "approved";
      return { kind: "decided", step, decision, ...(comment === undefined ? {} : { comment }) };
    }
    case "approval.delegated": {
      const comment = text(data.comment);
      return {
        kind: "delegated",
        step,
        to: personName(detail, String(data.to ?? "")),
        ...(comment === undefined ? {} : { comment }),
      };
    }
    case "task.completed": {
      // An approval closes its task too; the decision entry already says so.
      if (isApproval) return undefined;
      const outcome = text(data.outcome);
      return { kind: "stepDone", step, ...(outcome === undefined ? {} : { outcome }) };
    }
    case "timer.fired":
      return data.interrupting === false ? undefined : { kind: "timerFired", step };
    case "sla.warning":
      return { kind: "slaWarning", clock: String(data.clock ?? "") };
    case "sla.breached":
      return { kind: "slaBreached", clock: String(data.clock ?? "") };
    case "incident.opened":
      return { kind: "problem", step };
    case "incident.resolved":
      return { kind: "problemSolved", step };
    case "instance.completed": {
      const outcome = text(data.outcome);
      return { kind: "completed", ...(outcome === undefined ? {} : { outcome }) };
    }
    case "instance.cancelled": {
      const reason = text(data.reason);
      return { kind: "cancelled", ...(reason === undefined ? {} : { reason }) };
    }
    default:
      return undefined;
  }
};

/** Oldest first, as history is numbered. */
export const buildTimeline = (detail: RequestDetail): TimelineEntry[] =>
  [...detail.timeline]
    .sort((a, b) => a.seq - b.seq)
    .flatMap((entry) => {
      const event = eventOf(entry, detail);
      const actor = entry.actor === null ? null : personName(detail, entry.actor);
      return event === undefined ? [] : [{ key: String(entry.seq), at: entry.at, actor, event }];
    });

/** Who the request waits for now: one line per open task. */
export const waitingOn = (detail: RequestDetail) =>
  detail.status !== "running"
    ? []
    : detail.openTasks.map((task) => ({
        key: task.id,
        step: task.title ?? detail.steps[task.nodeId]?.name ?? task.nodeId,
        approval: task.kind === "approval",
        user: task.assigneeUser === null ? null : personName(detail, task.assigneeUser),
        group: task.assigneeGroup,
        dueAt: task.dueAt,
      }));

/**
 * The SLA due instant to show: the running resolution clock first, else the response clock,
 * with its standing at `now` by core's one rule (the page passes its live clock).
 */
export const slaDue = (detail: RequestDetail, now: number = Date.now()) => {
  const clocks = detail.sla?.clocks ?? [];
  const running = clocks.filter((clock) => clock.status !== "stopped" && clock.dueAt !== null);
  const chosen = running.find((clock) => clock.clock === "resolution") ?? running[0];
  return chosen === undefined
    ? undefined
    : {
        clock: chosen.clock,
        dueAt: chosen.dueAt as string,
        standing: clockStanding(chosen, now),
      };
};
