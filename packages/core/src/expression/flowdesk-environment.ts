import {
  type CelFunc,
  type CelList,
  CelScalar,
  celEnv,
  celFunc,
  celListConcat,
  listType,
} from "@bufbuild/cel";
import { BOUNDED_REGEX } from "./bounded-regex.ts";
import { CHARGED_STANDARD_FUNCTIONS } from "./charged-standard-functions.ts";
import { charge, checkProducedSize, withinBudget } from "./evaluation-budget.ts";
import { ITSM_FUNCTIONS } from "./itsm-functions.ts";

const { STRING, BYTES, INT, DOUBLE, BOOL, DYN } = CelScalar;
const LIST = listType(DYN);

/**
 * Name of the loop guard Flowdesk inserts into every macro loop (see cost-guard.ts).
 * The `@` makes it impossible to write in expression text.
 */
export const LOOP_GUARD = "@flowdesk_within_budget";

/**
 * Concatenation replaces the standard overloads (same signatures) so every string,
 * bytes or list it builds is charged and bounded: CEL has no loops, so `+` inside a
 * macro is the only way an expression can grow data.
 */
const BOUNDED_CONCATENATION: CelFunc[] = [
  celFunc("_+_", [STRING, STRING], STRING, (left, right) => {
    const size = left.length + right.length;
    checkProducedSize(size);
    charge(1 + Math.floor(size / 1024));
    return left + right;
  }),
  celFunc("_+_", [BYTES, BYTES], BYTES, (left, right) => {
    const size = left.length + right.length;
    checkProducedSize(size);
    charge(1 + Math.floor(size / 1024));
    const out = new Uint8Array(size);
    out.set(left);
    out.set(right, left.length);
    return out;
  }),
  celFunc("_+_", [LIST, LIST], LIST, (left, right) => {
    const size = left.size + right.size;
    checkProducedSize(size);
    // Charge what is appended: macros append one element per step to a growing list.
    charge(1 + (right as CelList).size);
    return celListConcat(left, right);
  }),
];

/**
 * JSON has one number type, so `2.0` arrives as the int 2. Mixed int/double arithmetic
 * is therefore allowed (as double) so `estimate * 1.5` works whatever the data held.
 */
const MIXED_ARITHMETIC: CelFunc[] = [
  ["_+_", (a: number, b: number) => a + b],
  ["_-_", (a: number, b: number) => a - b],
  ["_*_", (a: number, b: number) => a * b],
  ["_/_", (a: number, b: number) => a / b],
].flatMap(([name, op]) => {
  const apply = op as (a: number, b: number) => number;
  return [
    celFunc(name as string, [INT, DOUBLE], DOUBLE, (a, b) => apply(Number(a), b)),
    celFunc(name as string, [DOUBLE, INT], DOUBLE, (a, b) => apply(a, Number(b))),
  ];
});

const LOOP_GUARD_FUNC = celFunc(LOOP_GUARD, [BOOL], BOOL, (condition) => condition && withinBudget());

export const flowdeskEnvironment = celEnv({
  funcs: [
    // Later entries replace earlier ones with the same signature.
    ...CHARGED_STANDARD_FUNCTIONS,
    ...BOUNDED_CONCATENATION,
    ...BOUNDED_REGEX,
    ...MIXED_ARITHMETIC,
    LOOP_GUARD_FUNC,
    ...ITSM_FUNCTIONS,
  ],
});

/** Internal functions the parser emits for macros; they are not in the function registry. */
const MACRO_INTERNALS = ["@not_strictly_false", "@in", "_?_:_", "_&&_", "_||_", "!_", "_[_]"];

/** Every function and operator name an expression may call. */
export const KNOWN_FUNCTIONS: ReadonlySet<string> = new Set([
  ...Array.from(flowdeskEnvironment.funcs, (f) => f.name),
  ...MACRO_INTERNALS,
]);
