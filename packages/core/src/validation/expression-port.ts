import {
  checkExpression,
  checkTemplate,
  EXPRESSION_CODES,
  type ExpressionCheck,
} from "../expression/index.ts";

/**
 * The validator's view of the CEL module: parse a source and list the variables it
 * reads. Kept behind this one file so the checks do not care how CEL is implemented.
 * The CEL module's failure codes (FD3001 syntax, FD3009 unclosed placeholder, ...) are
 * passed through unchanged, so design time and run time use the same codes.
 *
 * Results are cached by text: the designer re-validates after every edit, and almost
 * every expression is unchanged between two edits. Results are never mutated.
 */
export type { ExpressionCheck };

const CACHE_LIMIT = 20_000;
const expressionCache = new Map<string, ExpressionCheck>();
const templateCache = new Map<string, ExpressionCheck>();

const fail = (error: unknown): ExpressionCheck => ({
  ok: false,
  code: EXPRESSION_CODES.syntax,
  message: error instanceof Error ? error.message : String(error),
});

const cached = (
  cache: Map<string, ExpressionCheck>,
  text: string,
  check: (text: string) => ExpressionCheck,
): ExpressionCheck => {
  const known = cache.get(text);
  if (known) return known;
  let result: ExpressionCheck;
  try {
    result = check(text);
  } catch (error) {
    result = fail(error);
  }
  // Forget everything at the limit: simpler than LRU and the working set refills at once.
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(text, result);
  return result;
};

export const checkExpressionSource = (source: string): ExpressionCheck =>
  cached(expressionCache, source, checkExpression);

export const checkTemplateSource = (template: string): ExpressionCheck =>
  cached(templateCache, template, checkTemplate);

/** Drops cached expression checks (for cold-start measurements). */
export const clearExpressionChecks = (): void => {
  expressionCache.clear();
  templateCache.clear();
};
