import { FlowdeskError } from "../errors.ts";

/**
 * Stable codes of expression problems. They appear in validation problems at design
 * time and in FlowdeskErrors at run time, so the designer, the CLI and instance
 * incidents speak the same language.
 */
export const EXPRESSION_CODES = {
  syntax: "FD3001",
  tooLong: "FD3002",
  tooDeep: "FD3003",
  unknownVariable: "FD3004",
  evaluation: "FD3005",
  costExceeded: "FD3006",
  outputTooLarge: "FD3007",
  notBoolean: "FD3008",
  unclosedPlaceholder: "FD3009",
  unsupportedValue: "FD3010",
  unknownFunction: "FD3011",
} as const;

export type ExpressionCode = (typeof EXPRESSION_CODES)[keyof typeof EXPRESSION_CODES];

/** A problem found in expression text: what checkExpression reports and evaluation throws. */
export interface ExpressionProblem {
  code: ExpressionCode;
  message: string;
  offset?: number;
}

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
