import { codesOf, ERROR_CODES } from "../error-codes.ts";
import { FlowdeskError } from "../errors.ts";

/**
 * Stable codes of expression problems. They appear in validation problems at design
 * time and in FlowdeskErrors at run time, so the designer, the CLI and instance
 * incidents speak the same language.
 */
export const EXPRESSION_CODES = codesOf(ERROR_CODES.expression);

export type ExpressionCode = (typeof EXPRESSION_CODES)[keyof typeof EXPRESSION_CODES];

/** A problem found in expression text: what checkExpression reports and evaluation throws. */
export interface ExpressionProblem {
  code: ExpressionCode;
  message: string;
  offset?: number;
}

/** Every expression code is a user error: the text must change before it can work. */
export const expressionError = (problem: ExpressionProblem): FlowdeskError =>
  new FlowdeskError({
    code: problem.code,
    kind: "user",
    message: problem.message,
    retryable: false,
    ...(problem.offset === undefined ? {} : { details: { offset: problem.offset } }),
  });

/** Thrown inside the module and turned into a FlowdeskError or a failed check at the API edge. */
export class ExpressionFailure extends Error {
  constructor(readonly problem: ExpressionProblem) {
    super(problem.message);
    this.name = "ExpressionFailure";
  }
}
