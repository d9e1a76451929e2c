import { type Static, Type } from "@sinclair/typebox";

/*
 * Where an SLA stands, in one vocabulary for the server's answers and every screen:
 * on-track, warning (a warning threshold was reached), breached (past the target while
 * running), paused (the clock does not count, e.g. waiting on the customer), and once the
 * clock has stopped: met or missed.
 */

export const SlaStandingSchema = Type.Union([
  Type.Literal("on-track"),
  Type.Literal("warning"),
  Type.Literal("breached"),
  Type.Literal("paused"),
  Type.Literal("met"),
  Type.Literal("missed"),
]);
export type SlaStanding = Static<typeof SlaStandingSchema>;

/** What a standing is read from: any view of one SLA clock. */
export interface SlaClockReading {
  status: "running" | "paused" | "stopped";
  dueAt?: string | null;
  breached: boolean;
  /** A warning threshold was already reached. */
  warned?: boolean;
  /** When the next warning threshold is reached, if one lies ahead. */
  warningAt?: string | null;
}

const instant = (value: string | null | undefined): number =>
  value === null || value === undefined ? Number.NaN : Date.parse(value);

/** The standing of one clock at `now` (epoch milliseconds). A breach outranks a pause. */
export const clockStanding = (clock: SlaClockReading, now: number): SlaStanding => {
  if (clock.status === "stopped") return clock.breached ? "missed" : "met";
  if (clock.breached) return "breached";
  if (clock.status === "paused") return "paused";
  const due = instant(clock.dueAt);
  if (!Number.isNaN(due) && now >= due) return "breached";
  const warningAt = instant(clock.warningAt);
  if (clock.warned === true || (!Number.isNaN(warningAt) && now >= warningAt)) return "warning";
  return "on-track";
};

/** Most urgent first: what a list shows for an SLA with several clocks. */
const URGENCY: readonly SlaStanding[] = ["breached", "missed", "warning", "paused", "on-track", "met"];

/** The standing of an SLA: its most urgent clock; paused while the SLA is paused and nothing is worse. */
export const slaStanding = (
  clocks: readonly SlaClockReading[],
  paused: boolean,
  now: number,
): SlaStanding => {
  const standings = clocks.map((clock) => clockStanding(clock, now));
  if (paused) standings.push("paused");
  return URGENCY.find((standing) => standings.includes(standing)) ?? "on-track";
};
