import type { MeasuredClock } from "./inbox-api.ts";

/*
 * How close a task is to its SLA target, in states people read at a glance: ok, warning
 * (the policy's warning threshold is reached), breached (past the target), paused (the
 * clock does not count, e.g. while waiting on the customer). The server names the clock
 * and the instants: warningAt is the policy's warning checkpoint on its own calendar, so
 * the badge turns amber when the escalation fires, business hours included.
 */

export type SlaState = "none" | "ok" | "warning" | "breached" | "paused";

export interface SlaReading {
  state: SlaState;
  /** Milliseconds until due (negative once overdue); for a paused clock, what is left when it resumes. */
  remainingMs?: number;
}

export const readSla = (measured: MeasuredClock | null, now: number): SlaReading => {
  if (measured === null) return { state: "none" };
  if (measured.status === "paused") {
    return measured.targetMs === null || measured.consumedMs === null
      ? { state: "paused" }
      : { state: "paused", remainingMs: measured.targetMs - measured.consumedMs };
  }
  const due = measured.dueAt === null ? Number.NaN : Date.parse(measured.dueAt);
  if (Number.isNaN(due)) return { state: "none" };
  const remainingMs = due - now;
  if (remainingMs <= 0 || measured.breached) return { state: "breached", remainingMs };
  const warningAt = measured.warningAt === null ? Number.NaN : Date.parse(measured.warningAt);
  const warned = measured.warned || (!Number.isNaN(warningAt) && now >= warningAt);
  return { state: warned ? "warning" : "ok", remainingMs };
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
