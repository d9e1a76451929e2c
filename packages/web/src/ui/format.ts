import i18next from "i18next";

/*
 * Dates, numbers and durations formatted for the reader's language and time zone with
 * Intl, never by hand.
 */

const locale = (): string => i18next.language || "en";

export const formatDateTime = (iso: string | null | undefined): string => {
  if (!iso) return "";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(), { dateStyle: "medium", timeStyle: "short" }).format(date);
};

export const formatNumber = (value: number): string => new Intl.NumberFormat(locale()).format(value);

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["day", 86_400_000],
  ["hour", 3_600_000],
  ["minute", 60_000],
  ["second", 1_000],
];

/** "in 3 hours", "5 minutes ago": the largest whole unit of the distance from `now`. */
export const formatRelative = (iso: string, now: number): string => {
  const distance = new Date(iso).getTime() - now;
  const format = new Intl.RelativeTimeFormat(locale(), { numeric: "auto" });
  for (const [unit, size] of UNITS) {
    if (Math.abs(distance) >= size || unit === "second")
      return format.format(Math.round(distance / size), unit);
  }
  return "";
};
