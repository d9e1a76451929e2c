import { EXPRESSION_CODES, ExpressionFailure } from "./expression-codes.ts";
import { analyseExpression } from "./expression-program.ts";
import { type ExpressionLimits, resolveLimits } from "./limits.ts";
import { splitTemplate } from "./template-parts.ts";

export type ExpressionCheck =
  | { ok: true; rootVariables: string[]; memberPaths: string[][] }
  | { ok: false; code: string; message: string; offset?: number };

const failed = (thrown: unknown, shift = 0): ExpressionCheck => {
  if (thrown instanceof ExpressionFailure) {
    const { code, message, offset } = thrown.problem;
    return { ok: false, code, message, ...(offset === undefined ? {} : { offset: offset + shift }) };
  }
  // Never throw at design time: anything unforeseen is still reported as a problem.
  return {
    ok: false,
    code: EXPRESSION_CODES.evaluation,
    message: `The expression cannot be read: ${String(thrown)}.`,
  };
};

/** Design-time check of one expression: limits, syntax, functions; lists the variables it reads. */
export function checkExpression(source: string, limits?: Partial<ExpressionLimits>): ExpressionCheck {
  try {
    const { references } = analyseExpression(String(source), resolveLimits(limits));
    return { ok: true, rootVariables: references.rootVariables, memberPaths: references.memberPaths };
  } catch (thrown) {
    return failed(thrown);
  }
}

/** Design-time check of every `{{ expression }}` in a template; offsets point into the template. */
export function checkTemplate(template: string, limits?: Partial<ExpressionLimits>): ExpressionCheck {
  const resolved = resolveLimits(limits);
  const rootVariables: string[] = [];
  const memberPaths: string[][] = [];
  const seenPaths = new Set<string>();
  let parts: ReturnType<typeof splitTemplate>;
  try {
    parts = splitTemplate(String(template), resolved);
  } catch (thrown) {
    return failed(thrown);
  }
  for (const part of parts) {
    if (part.kind === "text") continue;
    try {
      const { references } = analyseExpression(part.source, resolved);
      for (const root of references.rootVariables)
        if (!rootVariables.includes(root)) rootVariables.push(root);
      for (const path of references.memberPaths) {
        const key = JSON.stringify(path);
        if (!seenPaths.has(key)) {
          seenPaths.add(key);
          memberPaths.push(path);
        }
      }
    } catch (thrown) {
      return failed(thrown, part.offset);
    }
  }
  return { ok: true, rootVariables, memberPaths };
}
