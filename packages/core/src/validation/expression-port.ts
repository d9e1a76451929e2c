import { checkExpression, checkTemplate, type ExpressionCheck } from "../expression/index.ts";

/**
 * The validator's view of the CEL module: parse a source and list the variables it
 * reads. Kept behind this one file so the checks do not care how CEL is implemented.
 * The CEL module's failure codes (FD3001 syntax, FD3009 unclosed placeholder, ...) are
 * passed through unchanged, so design time and run time use the same codes.
 */
export type { ExpressionCheck };

const fail = (error: unknown): ExpressionCheck => ({
  ok: false,
  code: "FD3001",
  message: error instanceof Error ? error.message : String(error),
});

export const checkExpressionSource = (source: string): ExpressionCheck => {
  try {
    return checkExpression(source);
  } catch (error) {
    return fail(error);
  }
};

export const checkTemplateSource = (template: string): ExpressionCheck => {
  try {
    return checkTemplate(template);
  } catch (error) {
    return fail(error);
  }
};
