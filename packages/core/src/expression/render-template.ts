import { fromCelValue } from "./cel-values.ts";
import { asFlowdeskError, executeCompiled } from "./evaluate-expression.ts";
import { checkProducedSize, runWithBudget } from "./evaluation-budget.ts";
import { ExpressionFailure } from "./expression-codes.ts";
import { compileExpression } from "./expression-program.ts";
import { type ExpressionLimits, resolveLimits } from "./limits.ts";
import { splitTemplate } from "./template-parts.ts";

/** Text of one placeholder value: strings as-is, null as nothing, the rest as JSON. */
const placeholderText = (value: unknown): string => {
  if (typeof value === "string") return value;
  if (value === null || value === undefined) return "";
  return JSON.stringify(value);
};

/**
 * Replaces every `{{ expression }}` in a notification, URL or body template. All
 * placeholders share one cost budget and the whole text must fit the output limit.
 */
export function renderTemplate(
  template: string,
  variables: Record<string, unknown>,
  limits?: Partial<ExpressionLimits>,
): string {
  const resolved = resolveLimits(limits);
  const data = typeof variables === "object" && variables !== null ? variables : {};
  try {
    const parts = splitTemplate(String(template), resolved);
    return runWithBudget(resolved, (budget) => {
      let out = "";
      for (const part of parts) {
        if (part.kind === "text") {
          out += part.text;
        } else {
          try {
            const compiled = compileExpression(part.source, resolved);
            out += placeholderText(fromCelValue(executeCompiled(compiled, data, budget)));
          } catch (thrown) {
            if (thrown instanceof ExpressionFailure && thrown.problem.offset !== undefined) {
              const problem = { ...thrown.problem, offset: thrown.problem.offset + part.offset };
              throw new ExpressionFailure(problem);
            }
            throw thrown;
          }
        }
        checkProducedSize(out.length);
      }
      return out;
    });
  } catch (thrown) {
    throw asFlowdeskError(thrown);
  }
}
