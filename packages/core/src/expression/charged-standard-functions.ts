import {
  type CelFunc,
  CelScalar,
  type CelType,
  type CelValue,
  celEnv,
  celFunc,
  celMethod,
  isCelError,
  isCelList,
  isCelMap,
} from "@bufbuild/cel";
import { charge, remainingBudget } from "./evaluation-budget.ts";

/**
 * The standard CEL functions that read strings, bytes, lists or maps, re-registered
 * under the same signatures so each call is charged by the size of what it reads: one
 * unit per KiB of text, one per list element or map entry, nested ones included. Without this, an O(n)
 * operation inside an O(n) macro (`items.exists(i, i in otherItems)`,
 * `items.map(i, size(description))`) would cost n x n while being charged n.
 * Functions on numbers, booleans, timestamps and durations take constant time and are
 * left as they are.
 */
const isSized = (type: CelType): boolean =>
  type.kind === "list" ||
  type.kind === "map" ||
  (type.kind === "scalar" && (type.scalar === "string" || type.scalar === "bytes" || type.scalar === "dyn"));

const textUnits = (value: unknown): number =>
  typeof value === "string" || value instanceof Uint8Array ? Math.ceil(value.length / 1024) : 0;

/**
 * Units for reading a value deeply (equality and membership compare nested data):
 * KiB of text plus every element and entry, counted only up to `cap` so that measuring
 * never costs more than the budget left.
 */
const deepUnits = (value: CelValue | undefined, cap: number): number => {
  if (!isCelList(value) && !isCelMap(value)) return textUnits(value);
  let units = 0;
  const pending: unknown[] = [value];
  while (pending.length > 0 && units <= cap) {
    const next = pending.pop();
    if (isCelList(next)) {
      const size = next.size;
      units += size;
      // Indexed reads: much cheaper than the list's iterator on this hot path.
      for (let i = 0; i < size; i++) {
        const item = next.get(i);
        if (typeof item === "string") units += textUnits(item);
        else if (typeof item === "object" && item !== null) pending.push(item);
      }
    } else if (isCelMap(next)) {
      units += next.size;
      for (const [key, item] of next) {
        units += textUnits(key);
        if (typeof item === "string") units += textUnits(item);
        else if (typeof item === "object" && item !== null) pending.push(item);
      }
    } else {
      units += textUnits(next);
    }
  }
  return units;
};

const charged = (standard: CelFunc): CelFunc => {
  const run = (target: CelValue | undefined, args: CelValue[]): CelValue => {
    const cap = remainingBudget();
    let units = deepUnits(target, cap);
    for (const arg of args) units += deepUnits(arg, cap);
    if (units > 0) charge(units);
    const result = standard.call(0, target, args);
    // Re-thrown as a plain Error so the library attaches the id of the calling node.
    if (result === undefined) throw new Error(`no matching overload for '${standard.name}'`);
    if (isCelError(result)) throw new Error(result.message);
    return result;
  };
  if (standard.target === undefined) {
    return celFunc(standard.name, standard.arguments, standard.result, ((...args: CelValue[]) =>
      run(undefined, args)) as never);
  }
  return celMethod(standard.name, standard.target, standard.arguments, standard.result, function (
    this: CelValue,
    ...args: CelValue[]
  ) {
    return run(this, args);
  } as never);
};

/**
 * Code points in a string, as CEL's size() counts them. The standard implementation
 * spreads the string into an array, about 30 ms per MB: too slow to be worth one unit
 * per KiB. This loop gives the same count (a lone surrogate counts as one) in ~1 ms.
 */
const codePointCount = (text: string): number => {
  let count = text.length;
  for (let i = 0; i < text.length - 1; i++) {
    const high = text.charCodeAt(i);
    if (high >= 0xd800 && high <= 0xdbff) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        count -= 1;
        i += 1;
      }
    }
  }
  return count;
};

const stringSize = (text: string): bigint => {
  charge(textUnits(text));
  return BigInt(codePointCount(text));
};

const FAST_STRING_SIZE: CelFunc[] = [
  celFunc("size", [CelScalar.STRING], CelScalar.INT, stringSize),
  celMethod("size", CelScalar.STRING, [], CelScalar.INT, function () {
    return stringSize(this);
  }),
];

export const CHARGED_STANDARD_FUNCTIONS: readonly CelFunc[] = [
  ...Array.from(celEnv().funcs)
    .filter((f) => (f.target !== undefined && isSized(f.target)) || f.arguments.some(isSized))
    .map(charged),
  ...FAST_STRING_SIZE,
];
