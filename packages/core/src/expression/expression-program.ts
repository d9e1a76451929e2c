import { type CelResult, plan } from "@bufbuild/cel";
import { guardLoops } from "./cost-guard.ts";
import { EXPRESSION_CODES, ExpressionFailure } from "./expression-codes.ts";
import { collectCalls, collectReferences, type ExpressionReferences } from "./expression-references.ts";
import { offsetOf, type ParsedExpression, parseExpression } from "./expression-tree.ts";
import { flowdeskEnvironment, KNOWN_FUNCTIONS } from "./flowdesk-environment.ts";
import { type ExpressionLimits, TREE_DEPTH_FACTOR } from "./limits.ts";
import { preScanSource } from "./source-scan.ts";

export interface AnalysedExpression {
  parsed: ParsedExpression;
  references: ExpressionReferences;
  bracketDepth: number;
  treeDepth: number;
}

/** Design-time reading of an expression: limits, syntax, known functions, variables read. */
export const analyseExpression = (source: string, limits: ExpressionLimits): AnalysedExpression => {
  const bracketDepth = preScanSource(source, limits);
  if (source.trim() === "") {
    throw new ExpressionFailure({
      code: EXPRESSION_CODES.syntax,
      message: "The expression is empty.",
      offset: 0,
    });
  }
  const { parsed, depth } = parseExpression(source, limits);
  for (const call of collectCalls(parsed.expr)) {
    if (!KNOWN_FUNCTIONS.has(call.name)) {
      const offset = offsetOf(parsed, call.id);
      throw new ExpressionFailure({
        code: EXPRESSION_CODES.unknownFunction,
        message: `There is no function named ${call.name}.`,
        ...(offset === undefined ? {} : { offset }),
      });
    }
  }
  return { parsed, references: collectReferences(parsed.expr), bracketDepth, treeDepth: depth };
};

export interface CompiledExpression extends AnalysedExpression {
  source: string;
  run: (bindings: Record<string, unknown>) => CelResult;
}

/** Compiled programs by source text; the oldest entry leaves when the cache is full. */
const CACHE_CAPACITY = 1_000;
const cache = new Map<string, CompiledExpression>();

const fitsLimits = (compiled: CompiledExpression, limits: ExpressionLimits): boolean =>
  compiled.source.length <= limits.maxSourceLength &&
  compiled.bracketDepth <= limits.maxNestingDepth &&
  compiled.treeDepth <= limits.maxNestingDepth * TREE_DEPTH_FACTOR;

/**
 * The runnable program of an expression, from the cache when the same text was
 * compiled before. Limits that were already checked are re-checked cheaply on a hit.
 */
export const compileExpression = (source: string, limits: ExpressionLimits): CompiledExpression => {
  const cached = cache.get(source);
  if (cached !== undefined && fitsLimits(cached, limits)) return cached;
  const analysed = analyseExpression(source, limits);
  guardLoops(analysed.parsed.expr);
  let run: CompiledExpression["run"];
  try {
    run = plan(flowdeskEnvironment, analysed.parsed) as CompiledExpression["run"];
  } catch (thrown) {
    throw new ExpressionFailure({
      code: EXPRESSION_CODES.evaluation,
      message: `The expression cannot be prepared: ${(thrown as Error).message}.`,
    });
  }
  const compiled: CompiledExpression = { ...analysed, source, run };
  if (cached === undefined) {
    if (cache.size >= CACHE_CAPACITY) {
      const oldest = cache.keys().next().value;
      if (oldest !== undefined) cache.delete(oldest);
    }
    cache.set(source, compiled);
  }
  return compiled;
};

/** How many compiled programs are cached: for tests and diagnostics. */
export const expressionCacheSize = (): number => cache.size;

/** Empties the cache: for tests. */
export const clearExpressionCache = (): void => cache.clear();

export const EXPRESSION_CACHE_CAPACITY = CACHE_CAPACITY;
