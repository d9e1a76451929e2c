import { EXPRESSION_CODES, ExpressionFailure } from "./expression-codes.ts";
import type { ExpressionLimits } from "./limits.ts";
import { stringLiteralEnd } from "./source-scan.ts";

/**
 * Most placeholders one template may hold: each distinct one is parsed (tens of
 * microseconds) and cached, so an unbounded count would let one template stall a
 * request and flush the program cache.
 */
export const MAX_TEMPLATE_PLACEHOLDERS = 200;

export type TemplatePart =
  | { kind: "text"; text: string }
  | { kind: "expression"; source: string; offset: number };

/**
 * Index of the `}}` closing a placeholder whose expression starts at `from`, or -1.
 * String literals and map braces inside the expression are skipped, so
 * `{{ {"a": {"b": 1}} }}` and `{{ "}}" }}` close where a reader expects.
 */
const closingIndex = (template: string, from: number): number => {
  let braces = 0;
  let i = from;
  while (i < template.length) {
    const literalEnd = stringLiteralEnd(template, i);
    if (literalEnd >= 0) {
      i = literalEnd;
      continue;
    }
    const c = template[i];
    if (c === "}" && braces === 0 && template[i + 1] === "}") return i;
    if (c === "{") braces += 1;
    else if (c === "}") braces -= 1;
    i += 1;
  }
  return -1;
};

/**
 * Splits `Hello {{ requester.name }}` into text and expression parts. A template may be
 * as long as the output limit; each placeholder's expression obeys maxSourceLength.
 */
export const splitTemplate = (template: string, limits: ExpressionLimits): TemplatePart[] => {
  if (template.length > limits.maxOutputBytes) {
    throw new ExpressionFailure({
      code: EXPRESSION_CODES.tooLong,
      message: `The template is ${template.length} characters long; the limit is ${limits.maxOutputBytes}.`,
      offset: limits.maxOutputBytes,
    });
  }
  const parts: TemplatePart[] = [];
  let cursor = 0;
  let placeholders = 0;
  while (cursor < template.length) {
    const open = template.indexOf("{{", cursor);
    if (open < 0) {
      parts.push({ kind: "text", text: template.slice(cursor) });
      break;
    }
    if (open > cursor) parts.push({ kind: "text", text: template.slice(cursor, open) });
    const close = closingIndex(template, open + 2);
    if (close < 0) {
      throw new ExpressionFailure({
        code: EXPRESSION_CODES.unclosedPlaceholder,
        message: "A {{ placeholder is not closed with }}.",
        offset: open,
      });
    }
    parts.push({ kind: "expression", source: template.slice(open + 2, close), offset: open + 2 });
    placeholders += 1;
    if (placeholders > MAX_TEMPLATE_PLACEHOLDERS) {
      throw new ExpressionFailure({
        code: EXPRESSION_CODES.tooLong,
        message: `The template has more than ${MAX_TEMPLATE_PLACEHOLDERS} placeholders; split it or use join().`,
        offset: open,
      });
    }
    cursor = close + 2;
  }
  return parts;
};
