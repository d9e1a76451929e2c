import type { HistoryEntry, SlaClockName } from "@flowdesk/core";

/** One SLA clock rebuilt from history: what it measured and why. */
export interface SlaClockExplanation {
  clock: SlaClockName;
  targetMs: number;
  status: "running" | "paused" | "stopped";
  /** Consumed time banked at the last pause or stop (a running stretch adds to it). */
  consumedMs: number;
  breached: boolean;
  /** Each transition in order, with the time consumed at that point where history says it. */
  timeline: {
    at: string;
    event: "started" | "retargeted" | "paused" | "resumed" | "stopped" | "warning" | "breached";
    consumedMs?: number;
    atPercent?: number;
  }[];
}

const EVENTS = {
  "sla.started": "started",
  "sla.retargeted": "retargeted",
  "sla.paused": "paused",
  "sla.resumed": "resumed",
  "sla.stopped": "stopped",
  "sla.warning": "warning",
  "sla.breached": "breached",
} as const;

/**
 * Rebuilds the SLA clocks of an instance from its history entries alone, so the inbox
 * and reports can show how a due date or a breach came about without the instance state.
 */
export const explainSlaClocks = (history: readonly HistoryEntry[]): SlaClockExplanation[] => {
  const clocks = new Map<SlaClockName, SlaClockExplanation>();
  for (const entry of history) {
    const event = EVENTS[entry.type as keyof typeof EVENTS];
    if (event === undefined) continue;
    const data = entry.data ?? {};
    const name = data.clock as SlaClockName;
    if (event === "started") {
      clocks.set(name, {
        clock: name,
        targetMs: Number(data.targetMs),
        status: "running",
        consumedMs: 0,
        breached: false,
        timeline: [{ at: entry.at, event, consumedMs: 0 }],
      });
      continue;
    }
    const clock = clocks.get(name);
    if (!clock) continue;
    const consumedMs = typeof data.consumedMs === "number" ? data.consumedMs : undefined;
    if (consumedMs !== undefined) clock.consumedMs = consumedMs;
    if (event === "retargeted") clock.targetMs = Number(data.targetMs);
    if (event === "paused") clock.status = "paused";
    if (event === "resumed") clock.status = "running";
    if (event === "stopped") clock.status = "stopped";
    if (event === "breached") clock.breached = true;
    clock.timeline.push({
      at: entry.at,
      event,
      ...(consumedMs === undefined ? {} : { consumedMs }),
      ...(typeof data.atPercent === "number" ? { atPercent: data.atPercent } : {}),
    });
  }
  return [...clocks.values()];
};
