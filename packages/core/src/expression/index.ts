// The expression language of Flowdesk: CEL behind one small API. Nothing else in the
// project imports a CEL library. See docs/expression-language.md.
export { checkExpression, checkTemplate, type ExpressionCheck } from "./check-expression.ts";
export { evaluateCondition, evaluateExpression } from "./evaluate-expression.ts";
export { EXPRESSION_CODES } from "./expression-codes.ts";
export {
  clearExpressionCache,
  EXPRESSION_CACHE_CAPACITY,
  expressionCacheSize,
} from "./expression-program.ts";
export { ITSM_FUNCTION_NAMES, PRIORITY_MATRIX } from "./itsm-functions.ts";
export { DEFAULT_EXPRESSION_LIMITS, type ExpressionLimits } from "./limits.ts";
export { renderTemplate } from "./render-template.ts";
