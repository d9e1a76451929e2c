/**
 * Budgets that keep every expression cheap whatever a definition author writes. The
 * defaults suit conditions, assignee rules, mappings and notification templates; callers
 * may tighten (or, for trusted admin tooling, loosen) them per call.
 */
export interface ExpressionLimits {
  /** Longest accepted expression, in characters (in a template: each placeholder's expression). */
  maxSourceLength: number;
  /**
   * Deepest accepted nesting of brackets, parentheses and braces. The parsed expression
   * tree may be up to TREE_DEPTH_FACTOR times deeper (long `a || b || c` chains), which
   * keeps the parser and the evaluator far from the JavaScript stack limit.
   */
  maxNestingDepth: number;
  /** Work units per evaluation: one per loop iteration in a macro, one per element of input data read, one per KiB concatenated. */
  maxCost: number;
  /** Largest result, template or rendered template, in UTF-16 characters of its JSON-ish form. */
  maxOutputBytes: number;
}

export const DEFAULT_EXPRESSION_LIMITS: ExpressionLimits = Object.freeze({
  maxSourceLength: 4096,
  maxNestingDepth: 32,
  maxCost: 100_000,
  maxOutputBytes: 262_144,
});

/** A tree may be this many times deeper than the bracket nesting limit. */
export const TREE_DEPTH_FACTOR = 8;

export const resolveLimits = (limits?: Partial<ExpressionLimits>): ExpressionLimits => {
  if (limits === undefined) return DEFAULT_EXPRESSION_LIMITS;
  return {
    maxSourceLength: limits.maxSourceLength ?? DEFAULT_EXPRESSION_LIMITS.maxSourceLength,
    maxNestingDepth: limits.maxNestingDepth ?? DEFAULT_EXPRESSION_LIMITS.maxNestingDepth,
    maxCost: limits.maxCost ?? DEFAULT_EXPRESSION_LIMITS.maxCost,
    maxOutputBytes: limits.maxOutputBytes ?? DEFAULT_EXPRESSION_LIMITS.maxOutputBytes,
  };
};
