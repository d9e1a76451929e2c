/**
 * The ITSM helper functions every Flowdesk expression can call, registered in one
 * place. Each entry is documented in docs/expression-language.md; the names feed the
 * designer's autocomplete and the design-time check for unknown functions.
 */
import {
  type CelFunc,
  CelScalar,
  type CelValue,
  celFunc,
  isCelList,
  isCelMap,
  objectType,
} from "@bufbuild/cel";
import { isReflectMessage } from "@bufbuild/protobuf/reflect";
import { type Timestamp, TimestampSchema, timestampFromMs, timestampMs } from "@bufbuild/protobuf/wkt";
import { charge, checkProducedSize } from "./evaluation-budget.ts";

const { STRING, BOOL, DOUBLE, DYN } = CelScalar;
const TIMESTAMP = objectType(TimestampSchema);

const LEVELS = ["high", "medium", "low"] as const;

/**
 * ITIL impact x urgency matrix. Rows: impact; columns: urgency (high, medium, low).
 * The sum of the two ranks decides: 2 -> P1, 3 -> P2, 4 -> P3, 5 or 6 -> P4.
 */
export const PRIORITY_MATRIX: Readonly<Record<(typeof LEVELS)[number], readonly string[]>> = {
  high: ["P1", "P2", "P3"],
  medium: ["P2", "P3", "P4"],
  low: ["P3", "P4", "P4"],
};

const levelRank = (what: string, value: string): number => {
  const rank = LEVELS.indexOf(value.trim().toLowerCase() as (typeof LEVELS)[number]);
  if (rank < 0)
    throw new Error(`priorityFromMatrix: ${what} must be "high", "medium" or "low", not "${value}"`);
  return rank;
};

const priorityFromMatrix = (impact: string, urgency: string): string => {
  const row = PRIORITY_MATRIX[LEVELS[levelRank("impact", impact)] as (typeof LEVELS)[number]];
  return row[levelRank("urgency", urgency)] as string;
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}([Tt ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([Zz]|[+-]\d{2}:?\d{2})?)?$/;

/** Milliseconds since the epoch of a CEL timestamp or an ISO 8601 string. */
const instantMs = (fn: string, value: CelValue): number => {
  if (isReflectMessage(value, TimestampSchema)) return timestampMs(value.message as Timestamp);
  if (typeof value === "string" && ISO_DATE.test(value)) {
    const ms = Date.parse(value);
    if (!Number.isNaN(ms)) return ms;
  }
  throw new Error(`${fn}: expected a timestamp or an ISO 8601 date, not ${JSON.stringify(String(value))}`);
};

const numberOf = (fn: string, value: CelValue): number => {
  if (typeof value === "bigint") return Number(value);
  if (typeof value === "number") return value;
  throw new Error(`${fn}: expected a number`);
};

const HOUR_MS = 3_600_000;

/** Text helpers read their whole input: one unit per KiB, like the standard functions. */
const chargeText = (text: string): string => {
  charge(1 + Math.floor(text.length / 1024));
  return text;
};

const isBlank = (value: CelValue): boolean => {
  if (value === null) return true;
  if (typeof value === "string") return chargeText(value).trim() === "";
  if (isCelList(value) || isCelMap(value)) return value.size === 0;
  throw new Error("isBlank: expected a string, a list, a map or null");
};

const joinList = (items: CelValue, separator: string): string => {
  if (!isCelList(items)) throw new Error("join: expected a list");
  const parts: string[] = [];
  let size = 0;
  for (const item of items) {
    const text =
      typeof item === "string" ? item : typeof item === "bigint" ? String(item) : JSON.stringify(item);
    if (text === undefined) throw new Error("join: the list holds values that are not text or numbers");
    size += text.length + separator.length;
    checkProducedSize(size);
    parts.push(text);
  }
  charge(1 + Math.floor(size / 1024));
  return parts.join(separator);
};

const slaPercent = (start: CelValue, due: CelValue, now: CelValue): number => {
  const from = instantMs("slaPercent", start);
  const span = instantMs("slaPercent", due) - from;
  if (span <= 0) throw new Error("slaPercent: the due time must be after the start time");
  return ((instantMs("slaPercent", now) - from) / span) * 100;
};

export const ITSM_FUNCTIONS: readonly CelFunc[] = [
  celFunc("priorityFromMatrix", [STRING, STRING], STRING, priorityFromMatrix),
  celFunc("isBlank", [DYN], BOOL, isBlank),
  celFunc("lower", [STRING], STRING, (s) => chargeText(s).toLowerCase()),
  celFunc("upper", [STRING], STRING, (s) => chargeText(s).toUpperCase()),
  celFunc("trim", [STRING], STRING, (s) => chargeText(s).trim()),
  celFunc("coalesce", [DYN, DYN], DYN, (value, fallback) => (value === null ? fallback : value) as never),
  celFunc("join", [DYN, STRING], STRING, joinList),
  celFunc(
    "hoursSince",
    [DYN, DYN],
    DOUBLE,
    (since, now) => (instantMs("hoursSince", now) - instantMs("hoursSince", since)) / HOUR_MS,
  ),
  celFunc(
    "daysSince",
    [DYN, DYN],
    DOUBLE,
    (since, now) => (instantMs("daysSince", now) - instantMs("daysSince", since)) / (24 * HOUR_MS),
  ),
  celFunc("addHours", [DYN, DYN], TIMESTAMP, (at, hours) => {
    const ms = instantMs("addHours", at) + numberOf("addHours", hours) * HOUR_MS;
    if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15)
      throw new Error("addHours: the result is out of range");
    return timestampFromMs(Math.round(ms));
  }),
  celFunc("slaPercent", [DYN, DYN, DYN], DOUBLE, slaPercent),
];

/** The helper names, for the designer's autocomplete and the validator. */
export const ITSM_FUNCTION_NAMES: readonly string[] = Object.freeze([
  ...new Set(ITSM_FUNCTIONS.map((f) => f.name)),
]);
