/*
 * How close a task is to its due time, in three states people read at a glance:
 * ok, warning (most of the allowed time is used) and breached (past due). The warning
 * threshold is the share of the time between opening and due that has passed, 75 % by
 * default, matching the starter SLA policies' first escalation.
 */

export type SlaState = "none" | "ok" | "warning" | "breached";

export interface SlaReading {
  state: SlaState;
  /** Milliseconds until due; negative once breached. Undefined when there is no due time. */
  remainingMs?: number;
}

export const DEFAULT_WARNING_SHARE = 0.75;

export const readSla = (
  openedAt: string,
  dueAt: string | null,
  now: number,
  warningShare: number = DEFAULT_WARNING_SHARE,
): SlaReading => {
  if (dueAt === null) return { state: "none" };
  const due = Date.parse(dueAt);
  if (Number.isNaN(due)) return { state: "none" };
  const remainingMs = due - now;
  if (remainingMs <= 0) return { state: "breached", remainingMs };
  const opened = Date.parse(openedAt);
  const allowed = due - opened;
  const used = Number.isNaN(opened) || allowed <= 0 ? 1 : (now - opened) / allowed;
  return { state: used >= warningShare ? "warning" : "ok", remainingMs };
};

/** "1 h 05 min", "4 min 09 s", "2 d 3 h": the two largest units of a distance, for countdowns. */
export const countdownParts = (ms: number): { unit: "d" | "h" | "min" | "s"; value: number }[] => {
  const seconds = Math.floor(Math.abs(ms) / 1000);
  const days = Math.floor(seconds / 86_400);
  const hours = Math.floor((seconds % 86_400) / 3600);
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
