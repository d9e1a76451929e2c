/**
 * Decides whether a decision's conditions obviously cover every case, so a missing
 * default edge is harmless. "Obviously" means recognisable from the text alone:
 *   - complementary conditions: `x` / `!x`, `!(a && b)` / `a && b`, `a == b` / `a != b`;
 *   - equality tests on one variable covering all values of its enum (or true/false).
 * Anything cleverer counts as not exhaustive, which only costs a warning.
 */

/** Values a variable may take, by variable name (from `enum`, or true/false for booleans). */
export type KnownEnums = ReadonlyMap<string, readonly unknown[]>;

const normalise = (condition: string): string =>
  condition
    .replace(/'([^'"\\]*)'/g, '"$1"')
    .replace(/\s+/g, "")
    .replace(/^\((.*)\)$/, "$1");

/** `x == true` is `x`, `x == false` and `x != true` are `!x`. */
const canonical = (condition: string): string => {
  const text = normalise(condition);
  const isTrue = /^(.+)==true$/.exec(text) ?? /^(.+)!=false$/.exec(text);
  if (isTrue) return isTrue[1]!;
  const isFalse = /^(.+)==false$/.exec(text) ?? /^(.+)!=true$/.exec(text);
  if (isFalse) return `!${wrap(isFalse[1]!)}`;
  return text;
};

const wrap = (text: string): string => (/^[\w.]+$/.test(text) ? text : `(${text})`);

const negations = (text: string): string[] => {
  const forms = [`!${wrap(text)}`, `!(${text})`];
  const equality = /^(.+?)==(.+)$/.exec(text);
  if (equality && !text.includes("!=")) forms.push(`${equality[1]}!=${equality[2]}`);
  return forms;
};

const LITERAL = String.raw`("[^"]*"|-?\d+(?:\.\d+)?|true|false)`;
const VARIABLE = String.raw`([A-Za-z_][\w]*(?:\.[A-Za-z_]\w*)*)`;
const EQUALS = new RegExp(`^${VARIABLE}==${LITERAL}$`);
const EQUALS_REVERSED = new RegExp(`^${LITERAL}==${VARIABLE}$`);
const IN_LIST = new RegExp(`^${VARIABLE}in\\[(.*)\\]$`);

/** Variable and values a condition tests for equality, e.g. `p == "P1" || p in ["P2"]`. */
const equalityTests = (condition: string): { variable: string; values: unknown[] } | undefined => {
  let variable: string | undefined;
  const values: unknown[] = [];
  for (const part of normalise(condition).split("||")) {
    let name: string | undefined;
    let literals: string[] = [];
    const forward = EQUALS.exec(part);
    const reversed = EQUALS_REVERSED.exec(part);
    const list = IN_LIST.exec(part);
    if (forward) [name, literals] = [forward[1], [forward[2]!]];
    else if (reversed) [name, literals] = [reversed[2], [reversed[1]!]];
    else if (list) [name, literals] = [list[1], list[2]!.split(",").filter((item) => item.length > 0)];
    else return undefined;
    if (variable !== undefined && variable !== name) return undefined;
    variable = name;
    for (const literal of literals) {
      try {
        values.push(JSON.parse(literal));
      } catch {
        return undefined;
      }
    }
  }
  return variable === undefined ? undefined : { variable, values };
};

export const conditionsAreExhaustive = (conditions: readonly string[], enums: KnownEnums): boolean => {
  const canonicals = new Set(conditions.map(canonical));
  for (const text of canonicals) {
    if (negations(text).some((negated) => canonicals.has(negated))) return true;
  }
  const covered = new Map<string, Set<string>>();
  for (const condition of conditions) {
    const tests = equalityTests(condition);
    if (!tests) continue;
    const set = covered.get(tests.variable) ?? new Set<string>();
    for (const value of tests.values) set.add(JSON.stringify(value));
    covered.set(tests.variable, set);
  }
  for (const [variable, values] of covered) {
    const all = enums.get(variable);
    if (all && all.length > 0 && all.every((value) => values.has(JSON.stringify(value)))) return true;
  }
  return false;
};
