import { ENGINE_ERRORS, incidentError } from "@flowdesk/core";
import { DateTime, Duration } from "luxon";

/** Instants travel as ISO strings in UTC; arithmetic happens on epoch milliseconds. */
export const toMillis = (instant: string): number => {
  const parsed = DateTime.fromISO(instant, { zone: "utc" });
  if (!parsed.isValid)
    throw incidentError(ENGINE_ERRORS.badDate, `"${instant}" is not an ISO 8601 date-time.`);
  return parsed.toMillis();
};

export const toInstant = (millis: number): string => DateTime.fromMillis(millis, { zone: "utc" }).toISO()!;

const durations = new Map<string, Duration>();

export const parseDuration = (iso: string): Duration => {
  let duration = durations.get(iso);
  if (duration === undefined) {
    duration = Duration.fromISO(iso);
    if (!duration.isValid) {
      throw incidentError(
        ENGINE_ERRORS.badConfig,
        `"${iso}" is not an ISO 8601 duration such as PT4H or P3D.`,
      );
    }
    durations.set(iso, duration);
  }
  return duration;
};

/** Wall-clock addition in UTC (calendar units like P1M follow the calendar). */
export const addWallDuration = (from: string, iso: string): string =>
  toInstant(DateTime.fromMillis(toMillis(from), { zone: "utc" }).plus(parseDuration(iso)).toMillis());

/** A duration as milliseconds, days counted as 24 hours (used for business-hours amounts). */
export const durationMillis = (iso: string): number => parseDuration(iso).as("milliseconds");
