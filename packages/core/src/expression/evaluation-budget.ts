import { EXPRESSION_CODES, ExpressionFailure, type ExpressionProblem } from "./expression-codes.ts";
import type { ExpressionLimits } from "./limits.ts";

/**
 * The cost and output budget of the evaluation in progress. Evaluation is synchronous,
 * so one slot suffices; the CEL functions Flowdesk registers read it to charge work and
 * to refuse oversized results.
 *
 * CEL's `||`, `&&` and macros may absorb an error raised inside them, so an exhausted
 * budget is also remembered here and reported after evaluation whatever the result.
 */
export interface EvaluationBudget {
  readonly limits: ExpressionLimits;
  spent: number;
  exhausted: ExpressionProblem | undefined;
}

let active: EvaluationBudget | undefined;

export const runWithBudget = <T>(limits: ExpressionLimits, run: (budget: EvaluationBudget) => T): T => {
  const previous = active;
  const budget: EvaluationBudget = { limits, spent: 0, exhausted: undefined };
  active = budget;
  try {
    const result = run(budget);
    if (budget.exhausted !== undefined) throw new ExpressionFailure(budget.exhausted);
    return result;
  } finally {
    active = previous;
  }
};

const exhaust = (budget: EvaluationBudget, problem: ExpressionProblem): never => {
  budget.exhausted ??= problem;
  throw new ExpressionFailure(budget.exhausted);
};

/** Adds work units; throws once the evaluation is over its cost limit. */
export const charge = (units: number): void => {
  const budget = active;
  if (budget === undefined) return;
  budget.spent += units;
  if (budget.spent > budget.limits.maxCost || budget.exhausted !== undefined) {
    exhaust(budget, {
      code: EXPRESSION_CODES.costExceeded,
      message: `The expression needs more than ${budget.limits.maxCost} units of work (loops over large lists or large texts); simplify it or the data it reads.`,
    });
  }
};

/** Units left in the evaluation in progress (Infinity outside an evaluation). */
export const remainingBudget = (): number =>
  active === undefined ? Number.POSITIVE_INFINITY : active.limits.maxCost - active.spent;

/** False once the budget is spent: used as a loop guard so macros stop iterating at once. */
export const withinBudget = (): boolean => {
  const budget = active;
  if (budget === undefined) return true;
  if (budget.exhausted !== undefined) return false;
  try {
    charge(1);
    return true;
  } catch {
    return false;
  }
};

/** Refuses a produced value (string, list, rendered text) larger than the output limit. */
export const checkProducedSize = (size: number): void => {
  const budget = active;
  if (budget === undefined || size <= budget.limits.maxOutputBytes) return;
  exhaust(budget, {
    code: EXPRESSION_CODES.outputTooLarge,
    message: `The expression produces a value of ${size} characters; the limit is ${budget.limits.maxOutputBytes}.`,
  });
};
