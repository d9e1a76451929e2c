import {
  type CelFunc,
  type CelType,
  type CelValue,
  celEnv,
  celFunc,
  celMethod,
  isCelError,
  isCelList,
  isCelMap,
} from "@bufbuild/cel";
import { charge } from "./evaluation-budget.ts";

/**
 * The standard CEL functions that read strings, bytes, lists or maps, re-registered
 * under the same signatures so each call is charged by the size of what it reads: one
 * unit per KiB of text, one per list element or map entry. Without this, an O(n)
 * operation inside an O(n) macro (`items.exists(i, i in otherItems)`,
 * `items.map(i, size(description))`) would cost n x n while being charged n.
 * Functions on numbers, booleans, timestamps and durations take constant time and are
 * left as they are.
 */
const isSized = (type: CelType): boolean =>
  type.kind === "list" ||
  type.kind === "map" ||
  (type.kind === "scalar" && (type.scalar === "string" || type.scalar === "bytes" || type.scalar === "dyn"));

const sizeUnits = (value: CelValue | undefined): number => {
  if (typeof value === "string") return Math.ceil(value.length / 1024);
  if (value instanceof Uint8Array) return Math.ceil(value.length / 1024);
  if (isCelList(value) || isCelMap(value)) return value.size;
  return 0;
};

const charged = (standard: CelFunc): CelFunc => {
  const run = (target: CelValue | undefined, args: CelValue[]): CelValue => {
    let units = sizeUnits(target);
    for (const arg of args) units += sizeUnits(arg);
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

export const CHARGED_STANDARD_FUNCTIONS: readonly CelFunc[] = Array.from(celEnv().funcs)
  .filter((f) => (f.target !== undefined && isSized(f.target)) || f.arguments.some(isSized))
  .map(charged);
