import { EXPRESSION_CODES, ExpressionFailure } from "./expression-codes.ts";
import type { ExpressionLimits } from "./limits.ts";

const OPENERS = new Set(["(", "[", "{"]);
const CLOSERS = new Set([")", "]", "}"]);

/**
 * Index just past the string literal starting at `start` (which holds a quote, possibly
 * after an r/R/b/B prefix already consumed). Handles '...', "...", '''...''', """...""" and
 * escapes; a raw string (`raw`) takes backslashes literally. An unterminated literal runs
 * to the end: the parser reports it properly.
 */
export const skipStringLiteral = (source: string, start: number, raw: boolean): number => {
  const quote = source[start];
  const triple = source[start + 1] === quote && source[start + 2] === quote;
  let i = start + (triple ? 3 : 1);
  while (i < source.length) {
    const c = source[i];
    if (c === "\\" && !raw) {
      i += 2;
      continue;
    }
    if (c === quote) {
      if (!triple) return i + 1;
      if (source[i + 1] === quote && source[i + 2] === quote) return i + 3;
    }
    if (!triple && (c === "\n" || c === "\r")) return i;
    i += 1;
  }
  return i;
};

const isIdentChar = (c: string | undefined): boolean => c !== undefined && /[A-Za-z0-9_]/.test(c);

/**
 * Index just past a string literal starting at `i`, or -1 when `i` does not start one.
 * Prefixes r/R (raw) and b/B (bytes) count only when not part of a longer identifier.
 */
export const stringLiteralEnd = (source: string, i: number): number => {
  const c = source[i];
  if (c === '"' || c === "'") return skipStringLiteral(source, i, false);
  if (isIdentChar(source[i - 1])) return -1;
  let j = i;
  let raw = false;
  while (j < i + 2 && /[rRbB]/.test(source[j] ?? "")) {
    if (source[j] === "r" || source[j] === "R") raw = true;
    j += 1;
  }
  if (j > i && (source[j] === '"' || source[j] === "'")) return skipStringLiteral(source, j, raw);
  return -1;
};

/**
 * Rejects text that is too long or nested too deeply before the parser sees it: the
 * parser is recursive, so a 100k-deep `((((` must never reach it. Returns the deepest
 * bracket nesting found.
 */
export const preScanSource = (source: string, limits: ExpressionLimits): number => {
  if (source.length > limits.maxSourceLength) {
    throw new ExpressionFailure({
      code: EXPRESSION_CODES.tooLong,
      message: `The expression is ${source.length} characters long; the limit is ${limits.maxSourceLength}.`,
      offset: limits.maxSourceLength,
    });
  }
  let depth = 0;
  let deepest = 0;
  let i = 0;
  while (i < source.length) {
    const c = source[i] as string;
    const literalEnd = stringLiteralEnd(source, i);
    if (literalEnd >= 0) {
      i = literalEnd;
      continue;
    }
    if (c === "/" && source[i + 1] === "/") {
      const newline = source.indexOf("\n", i);
      i = newline < 0 ? source.length : newline + 1;
      continue;
    }
    if (OPENERS.has(c)) {
      depth += 1;
      if (depth > deepest) deepest = depth;
      if (depth > limits.maxNestingDepth) {
        throw new ExpressionFailure({
          code: EXPRESSION_CODES.tooDeep,
          message: `The expression nests brackets more than ${limits.maxNestingDepth} levels deep.`,
          offset: i,
        });
      }
    } else if (CLOSERS.has(c) && depth > 0) {
      depth -= 1;
    }
    i += 1;
  }
  return deepest;
};
