import { type CelValue, celMap, isCelList, isCelMap, isCelType, isCelUint } from "@bufbuild/cel";
import { isReflectMessage } from "@bufbuild/protobuf/reflect";
import { timestampFromDate } from "@bufbuild/protobuf/wkt";
import { charge, checkProducedSize } from "./evaluation-budget.ts";
import { EXPRESSION_CODES, ExpressionFailure } from "./expression-codes.ts";

/** Deepest JSON nesting read from variables; the conversions below recurse per level. */
const MAX_DATA_DEPTH = 64;

const unsupported = (path: string, what: string): ExpressionFailure =>
  new ExpressionFailure({
    code: EXPRESSION_CODES.unsupportedValue,
    message: `The variable ${path} holds ${what}, which expressions cannot read.`,
  });

const isPlainObject = (value: object): boolean => {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
};

/**
 * JSON data (plus Date) into CEL input. Whole numbers become CEL int so counters add up
 * (`reopenCount + 1`); other numbers are double. Objects become Maps of their own
 * enumerable keys only, so nothing on a prototype is ever reachable and no key (such
 * as `$typeName`) is given meaning. Each element read costs one unit.
 */
export const toCelInput = (value: unknown, path: string, depth = 0): unknown => {
  switch (typeof value) {
    case "string":
    case "boolean":
    case "bigint":
      return value;
    case "number":
      return Number.isSafeInteger(value) ? BigInt(value) : value;
    case "undefined":
      return null;
    case "object":
      break;
    default:
      throw unsupported(path, `a ${typeof value}`);
  }
  if (value === null) return null;
  if (depth >= MAX_DATA_DEPTH) throw unsupported(path, `data nested more than ${MAX_DATA_DEPTH} levels deep`);
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw unsupported(path, "an invalid date");
    return timestampFromDate(value);
  }
  if (value instanceof Uint8Array) return value;
  if (Array.isArray(value)) {
    charge(value.length);
    return value.map((item, i) => toCelInput(item, `${path}[${i}]`, depth + 1));
  }
  if (!isPlainObject(value)) throw unsupported(path, "an object of a class");
  const keys = Object.keys(value);
  charge(keys.length);
  const entries = new Map<string, unknown>();
  for (const key of keys) {
    const item = (value as Record<string, unknown>)[key];
    if (item !== undefined) entries.set(key, toCelInput(item, `${path}.${key}`, depth + 1));
  }
  return celMap(entries as Map<string, never>);
};

const toBase64 = (bytes: Uint8Array): string => {
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
};

const integerToJson = (n: bigint): number | string =>
  n >= BigInt(Number.MIN_SAFE_INTEGER) && n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : n.toString();

const durationText = (seconds: bigint, nanos: number): string =>
  nanos === 0 ? `${seconds}s` : `${(Number(seconds) + nanos / 1e9).toFixed(9).replace(/0+$/, "")}s`;

interface OutputCounter {
  size: number;
}

const grow = (counter: OutputCounter, units: number): void => {
  counter.size += units;
  checkProducedSize(counter.size);
};

/** Timestamp messages as ISO strings; also used by the ITSM helpers. */
export const timestampToIso = (seconds: bigint, nanos: number): string =>
  new Date(Number(seconds) * 1000 + Math.floor(nanos / 1e6)).toISOString();

const toJson = (value: CelValue, counter: OutputCounter, depth: number): unknown => {
  if (depth > MAX_DATA_DEPTH)
    throw unsupported("result", `data nested more than ${MAX_DATA_DEPTH} levels deep`);
  switch (typeof value) {
    case "string":
      grow(counter, value.length + 2);
      return value;
    case "boolean":
      grow(counter, 5);
      return value;
    case "number":
      grow(counter, 8);
      return value;
    case "bigint":
      grow(counter, 8);
      return integerToJson(value);
  }
  if (value === null) {
    grow(counter, 4);
    return null;
  }
  if (value instanceof Uint8Array) {
    grow(counter, Math.ceil(value.length / 3) * 4 + 2);
    return toBase64(value);
  }
  if (isCelUint(value)) {
    grow(counter, 8);
    return integerToJson(value.value);
  }
  if (isCelList(value)) {
    grow(counter, 2);
    const out: unknown[] = [];
    for (const item of value) {
      grow(counter, 1);
      out.push(toJson(item, counter, depth + 1));
    }
    return out;
  }
  if (isCelMap(value)) {
    grow(counter, 2);
    const out: Record<string, unknown> = {};
    for (const [key, item] of value) {
      const name = isCelUint(key) ? key.value.toString() : String(key);
      grow(counter, name.length + 4);
      // defineProperty, not assignment: a "__proto__" key stays a plain own property.
      Object.defineProperty(out, name, {
        value: toJson(item, counter, depth + 1),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  }
  if (isCelType(value)) {
    grow(counter, value.name.length + 2);
    return value.name;
  }
  if (isReflectMessage(value)) {
    const message = value.message as unknown as { seconds?: bigint; nanos?: number };
    if (value.desc.typeName === "google.protobuf.Timestamp") {
      grow(counter, 26);
      return timestampToIso(message.seconds ?? 0n, message.nanos ?? 0);
    }
    if (value.desc.typeName === "google.protobuf.Duration") {
      grow(counter, 12);
      return durationText(message.seconds ?? 0n, message.nanos ?? 0);
    }
    throw unsupported("result", `a ${value.desc.typeName} message`);
  }
  throw unsupported("result", "a value of an unknown kind");
};

/** A CEL result as plain JSON-ish data, refused when larger than the output limit. */
export const fromCelValue = (value: CelValue): unknown => toJson(value, { size: 0 }, 0);
