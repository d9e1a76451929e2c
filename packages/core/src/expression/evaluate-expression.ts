import { type CelError, type CelValue, isCelError } from "@bufbuild/cel";
import type { FlowdeskError } from "../errors.ts";
import { fromCelValue, toCelInput } from "./cel-values.ts";
import { type EvaluationBudget, runWithBudget } from "./evaluation-budget.ts";
import { EXPRESSION_CODES, ExpressionFailure, expressionError } from "./expression-codes.ts";
import { type CompiledExpression, compileExpression } from "./expression-program.ts";
import { offsetOf } from "./expression-tree.ts";
import { type ExpressionLimits, resolveLimits } from "./limits.ts";

const OPERATOR_NAMES: Record<string, string> = {
  "_+_": "+",
  "_-_": "-",
  "_*_": "*",
  "_/_": "/",
  "_%_": "%",
  "_<_": "<",
  "_<=_": "<=",
  "_>_": ">",
  "_>=_": ">=",
  "_==_": "==",
  "_!=_": "!=",
  "-_": "unary -",
  "!_": "!",
  "@in": "in",
  "_[_]": "[]",
};

/** Library error text as a sentence a process owner can act on. */
const describeCelError = (error: CelError): string => {
  const text = error.message;
  const overload = /no matching overload for '([^']+)' applied to '(?:([^'(]*)\.)?\((.*)\)'/.exec(text);
  if (overload) {
    const name = overload[1] as string;
    const [, , target, args] = overload;
    if (target)
      return `${name}() cannot be called on ${/^[aeiou]/.test(target) ? "an" : "a"} ${target} with (${args})`;
    return `${OPERATOR_NAMES[name] ?? name} cannot be applied to (${args})`;
  }
  const field = /^(?:field not found|no such key): (.*)$/.exec(text);
  if (field) return `the data has no field or key ${field[1]}`;
  return text;
};

const failureFromCelError = (compiled: CompiledExpression, error: CelError, bindings: object): never => {
  const missing = compiled.references.rootVariables.find((root) => !Object.hasOwn(bindings, root));
  if (missing !== undefined) {
    throw new ExpressionFailure({
      code: EXPRESSION_CODES.unknownVariable,
      message: `The expression reads ${missing}, but there is no variable of that name.`,
    });
  }
  const offset = offsetOf(compiled.parsed, error.exprId);
  throw new ExpressionFailure({
    code: EXPRESSION_CODES.evaluation,
    message: `The expression failed: ${describeCelError(error)}.`,
    ...(offset === undefined ? {} : { offset }),
  });
};

/** Runs a compiled expression on the variables it reads (and only those). */
const execute = (
  compiled: CompiledExpression,
  variables: Record<string, unknown>,
  budget: EvaluationBudget,
): CelValue => {
  // A prototype-free bindings object: no variable name can reach Object.prototype.
  const bindings: Record<string, unknown> = Object.create(null);
  for (const root of compiled.references.rootVariables) {
    if (Object.hasOwn(variables, root)) bindings[root] = toCelInput(variables[root], root);
  }
  const result = compiled.run(bindings);
  if (budget.exhausted !== undefined) throw new ExpressionFailure(budget.exhausted);
  if (isCelError(result)) failureFromCelError(compiled, result, bindings);
  return result as CelValue;
};

const asFlowdeskError = (thrown: unknown): FlowdeskError => {
  if (thrown instanceof ExpressionFailure) return expressionError(thrown.problem);
  if (thrown instanceof RangeError) {
    return expressionError({
      code: EXPRESSION_CODES.tooDeep,
      message: "The expression or its data is nested too deeply to evaluate.",
    });
  }
  return expressionError({
    code: EXPRESSION_CODES.evaluation,
    message: `The expression failed: ${thrown instanceof Error ? thrown.message : String(thrown)}.`,
  });
};

const variablesOf = (variables: Record<string, unknown>): Record<string, unknown> =>
  typeof variables === "object" && variables !== null ? variables : {};

/**
 * Evaluates an expression on instance data and returns plain JSON-ish data. Throws a
 * FlowdeskError (kind "user", FD3xxx) with a sentence for people on any problem.
 */
export function evaluateExpression(
  source: string,
  variables: Record<string, unknown>,
  limits?: Partial<ExpressionLimits>,
): unknown {
  const resolved = resolveLimits(limits);
  try {
    const compiled = compileExpression(String(source), resolved);
    return runWithBudget(resolved, (budget) =>
      fromCelValue(execute(compiled, variablesOf(variables), budget)),
    );
  } catch (thrown) {
    throw asFlowdeskError(thrown);
  }
}

/** Evaluates a condition (decision edge, rule): true or false, anything else is an error. */
export function evaluateCondition(
  source: string,
  variables: Record<string, unknown>,
  limits?: Partial<ExpressionLimits>,
): boolean {
  const resolved = resolveLimits(limits);
  let result: CelValue;
  try {
    const compiled = compileExpression(String(source), resolved);
    result = runWithBudget(resolved, (budget) => execute(compiled, variablesOf(variables), budget));
  } catch (thrown) {
    throw asFlowdeskError(thrown);
  }
  if (typeof result !== "boolean") {
    throw expressionError({
      code: EXPRESSION_CODES.notBoolean,
      message: `A condition must give true or false, but this one gave ${describeKind(result)}.`,
    });
  }
  return result;
}

const describeKind = (value: CelValue): string => {
  if (value === null) return "null";
  if (typeof value === "bigint" || typeof value === "number") return `the number ${value}`;
  if (typeof value === "string") return `the text ${JSON.stringify(value.slice(0, 40))}`;
  return "a value of another type";
};

export { asFlowdeskError, execute as executeCompiled };
