import i18next from "i18next";

/*
 * Dates, numbers and durations formatted for the reader's language and time zone with
 * Intl, never by hand.
 */

/**
 * The app's language decides the words; the browser's own locale, when it is the same
 * language (en-GB for "en"), decides the shape of dates and numbers.
 */
const locale = (): string => {
  const language = i18next.language || "en";
  const browser = typeof navigator === "undefined" ? undefined : navigator.language;
  if (browser && browser.split("-")[0]?.toLowerCase() === language.split("-")[0]?.toLowerCase())
    return browser;
  return language;
};

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
