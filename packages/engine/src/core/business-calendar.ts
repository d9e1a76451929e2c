import type { BusinessCalendar, Weekday } from "@flowdesk/core";
import { ENGINE_ERRORS, incidentError } from "@flowdesk/core";
import { DateTime } from "luxon";

/**
 * Business-hours arithmetic on an SLA calendar: working hours per weekday in the
 * calendar's time zone, minus holidays. Local wall times are turned into instants by
 * luxon, so days that change to or from daylight saving time are counted correctly.
 */
interface CompiledCalendar {
  zone: string;
  /** luxon weekday (1 = Monday) -> working intervals in minutes after local midnight. */
  hours: Map<number, [number, number][]>;
  holidays: Set<string>;
}

const WEEKDAYS: Record<Weekday, number> = { mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6, sun: 7 };
/** Ten years: no real calendar needs longer to find its working time. */
const MAX_DAYS = 3660;

const compiled = new WeakMap<BusinessCalendar, CompiledCalendar>();

const compile = (calendar: BusinessCalendar): CompiledCalendar => {
  const cached = compiled.get(calendar);
  if (cached) return cached;
  if (!DateTime.fromMillis(0, { zone: calendar.timeZone }).isValid) {
    throw incidentError(ENGINE_ERRORS.badConfig, `"${calendar.timeZone}" is not an IANA time zone.`);
  }
  const hours = new Map<number, [number, number][]>();
  for (const block of calendar.workingHours) {
    const start = minutes(block.start);
    const end = minutes(block.end);
    if (end <= start) continue;
    for (const day of block.days) {
      const list = hours.get(WEEKDAYS[day]) ?? [];
      list.push([start, end]);
      list.sort((a, b) => a[0] - b[0]);
      hours.set(WEEKDAYS[day], list);
    }
  }
  if (hours.size === 0) {
    throw incidentError(ENGINE_ERRORS.badConfig, "The business calendar has no working hours.");
  }
  const result = {
    zone: calendar.timeZone,
    hours,
    holidays: new Set((calendar.holidays ?? []).map((h) => h.date)),
  };
  compiled.set(calendar, result);
  return result;
};

const minutes = (hhmm: string): number => {
  const match = /^(\d{1,2}):(\d{2})$/.exec(hhmm);
  if (!match) throw incidentError(ENGINE_ERRORS.badConfig, `"${hhmm}" is not a time of day (HH:mm).`);
  return Number(match[1]) * 60 + Number(match[2]);
};

/** Working intervals of one local day as epoch-millisecond pairs. */
const workingIntervals = (cal: CompiledCalendar, day: DateTime): [number, number][] => {
  if (cal.holidays.has(day.toISODate()!)) return [];
  const blocks = cal.hours.get(day.weekday);
  if (!blocks) return [];
  return blocks.map(([start, end]) => [
    day.set({ hour: Math.floor(start / 60), minute: start % 60 }).toMillis(),
    end === 1440
      ? day.plus({ days: 1 }).toMillis()
      : day.set({ hour: Math.floor(end / 60), minute: end % 60 }).toMillis(),
  ]);
};

/** The instant `amountMs` of business time after `fromMs`. */
export const addBusinessMillis = (calendar: BusinessCalendar, fromMs: number, amountMs: number): number => {
  const cal = compile(calendar);
  let remaining = amountMs;
  let day = DateTime.fromMillis(fromMs, { zone: cal.zone }).startOf("day");
  for (let i = 0; i < MAX_DAYS; i++) {
    for (const [start, end] of workingIntervals(cal, day)) {
      const from = Math.max(start, fromMs);
      if (from >= end) continue;
      if (remaining <= end - from) return from + remaining;
      remaining -= end - from;
    }
    day = day.plus({ days: 1 });
  }
  throw incidentError(
    ENGINE_ERRORS.badConfig,
    "The business calendar has no working time in the next ten years.",
  );
};

/** Business time between two instants, in milliseconds (0 when `toMs` is not after `fromMs`). */
export const businessMillisBetween = (calendar: BusinessCalendar, fromMs: number, toMs: number): number => {
  if (toMs <= fromMs) return 0;
  const cal = compile(calendar);
  let total = 0;
  let day = DateTime.fromMillis(fromMs, { zone: cal.zone }).startOf("day");
  for (let i = 0; i < MAX_DAYS && day.toMillis() < toMs; i++) {
    for (const [start, end] of workingIntervals(cal, day)) {
      const from = Math.max(start, fromMs);
      const to = Math.min(end, toMs);
      if (to > from) total += to - from;
    }
    day = day.plus({ days: 1 });
  }
  return total;
};
