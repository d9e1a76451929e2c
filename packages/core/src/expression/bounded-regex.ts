import { type CelFunc, CelScalar, celMethod } from "@bufbuild/cel";
import { RE2JS } from "@bufbuild/re2";
import { charge } from "./evaluation-budget.ts";

/**
 * `string.matches(pattern)` with the same RE2 engine CEL uses (linear time, no
 * backtracking), plus what linear time alone does not give: patterns may come from
 * data, so their length and compiled size are capped, compiled patterns are reused
 * instead of recompiled on every call inside a macro, and each match is charged in
 * proportion to text length x program size. Calibration on the benchmark machine: a
 * match costs about 3 ns per character x instruction and a compile about 1 ms, and one
 * unit of budget is worth about 3 µs (a macro iteration), hence the constants below.
 */
export const MAX_PATTERN_LENGTH = 256;
export const MAX_PATTERN_INSTRUCTIONS = 5_000;
const CHAR_INSTRUCTIONS_PER_UNIT = 1_000;
const COMPILE_UNITS = 300;
const COMPILED_CAPACITY = 100;

interface CompiledPattern {
  regex: RE2JS;
  instructions: number;
}

const compiled = new Map<string, CompiledPattern>();

const compile = (pattern: string): CompiledPattern => {
  const known = compiled.get(pattern);
  if (known !== undefined) return known;
  if (pattern.length > MAX_PATTERN_LENGTH) {
    throw new Error(
      `matches: the pattern is ${pattern.length} characters long; the limit is ${MAX_PATTERN_LENGTH}`,
    );
  }
  const regex = RE2JS.compile(pattern);
  const instructions =
    (regex.re2Input as { prog?: { inst?: unknown[] } }).prog?.inst?.length ?? pattern.length;
  charge(COMPILE_UNITS + 2 * instructions);
  if (instructions > MAX_PATTERN_INSTRUCTIONS) {
    throw new Error("matches: the pattern is too complex (repetition counts expand it); simplify it");
  }
  const entry = { regex, instructions };
  if (compiled.size >= COMPILED_CAPACITY) {
    const oldest = compiled.keys().next().value;
    if (oldest !== undefined) compiled.delete(oldest);
  }
  compiled.set(pattern, entry);
  return entry;
};

export const BOUNDED_REGEX: CelFunc[] = [
  celMethod("matches", CelScalar.STRING, [CelScalar.STRING], CelScalar.BOOL, function (pattern) {
    const { regex, instructions } = compile(pattern);
    charge(1 + Math.floor((this.length * instructions) / CHAR_INSTRUCTIONS_PER_UNIT));
    return regex.test(this);
  }),
];
