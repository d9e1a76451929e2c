import { codesOf, ERROR_CODES } from "../error-codes.ts";

/**
 * Every code the validator emits, by name. The codes themselves are registered once in
 * ERROR_CODES (error-codes.ts):
 *   FD1xxx structure (JSON Schema), FD2xxx workflow graph, FD3xxx expressions,
 *   FD4xxx references between definitions.
 * Parse failures of an expression carry the CEL module's own code (EXPRESSION_CODES:
 * FD3001 syntax, FD3002 too long, FD3009 unclosed placeholder, FD3011 unknown function...).
 */
export const PROBLEM_CODES = {
  ...codesOf(ERROR_CODES.definition),
  expressionSyntax: ERROR_CODES.expression.syntax.code,
  unknownVariable: ERROR_CODES.expression.unknownVariable.code,
  ...codesOf(ERROR_CODES.variables),
} as const;

export type ProblemCodeName = keyof typeof PROBLEM_CODES;
