import { clockStanding, type SlaStanding } from "@flowdesk/core";
import type { MeasuredClock } from "./inbox-api.ts";

/*
 * How close a task is to its SLA target, in the standing every screen uses (core's
 * sla-standing.ts), or "none" when nothing makes the task due. The server names the clock
 * and the instants: warningAt is the policy's warning checkpoint on its own calendar, so
 * the badge turns amber when the escalation fires, business hours included.
 */

export type SlaState = SlaStanding | "none";

export interface SlaReading {
  state: SlaState;
  /** Milliseconds until due (negative once overdue); for a paused clock, what is left when it resumes. */
  remainingMs?: number;
}

export const readSla = (measured: MeasuredClock | null, now: number): SlaReading => {
  if (measured === null) return { state: "none" };
  const state = clockStanding(measured, now);
  if (state === "paused") {
    return measured.targetMs === null || measured.consumedMs === null
      ? { state }
      : { state, remainingMs: measured.targetMs - measured.consumedMs };
  }
  const due = measured.dueAt === null ? Number.NaN : Date.parse(measured.dueAt);
  return Number.isNaN(due) ? { state: "none" } : { state, remainingMs: due - now };
};

/**
 * "1 h 05 min", "4 min 09 s", "2 d 3 h": the two largest units of a distance, for countdowns.
 * Without days for time counted on a clock's own calendar (a paused clock's remainder is in
 * business hours under such a policy, where a 24-hour "day" would mislead).
 */
export const countdownParts = (
  ms: number,
  { days: useDays }: { days: boolean } = { days: true },
): { unit: "d" | "h" | "min" | "s"; value: number }[] => {
  const seconds = Math.floor(Math.abs(ms) / 1000);
  const days = useDays ? Math.floor(seconds / 86_400) : 0;
  const hours = Math.floor((seconds - days * 86_400) / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = seconds % 60;
  if (days > 0)
    return [
      { unit: "d", value: days },
      { unit: "h", value: hours },
    ];
  if (hours > 0)
    return [
      { unit: "h", value: hours },
      { unit: "min", value: minutes },
    ];
  return [
    { unit: "min", value: minutes },
    { unit: "s", value: rest },
  ];
};
