import type { Problem } from "../problem.ts";
import { sharedAjv } from "../schema/ajv.ts";
import { escapeSegment } from "./json-pointer.ts";
import { isRecord, problem } from "./make-problem.ts";
import { PROBLEM_CODES } from "./problem-codes.ts";

/** Keywords whose values are data, not schemas: a `format` key inside them means nothing. */
const DATA_KEYWORDS = new Set(["const", "default", "enum", "examples"]);

/**
 * Every `format` of a form's schema that the one ajv factory does not define, pointing at
 * the keyword. The server refuses such a form (it cannot compile it) and the browser's
 * validator is the same, so a format like rjsf's `color` or `data-url` is named here, where
 * the process owner can fix it, instead of reaching a requester as "form cannot be checked".
 */
export const unknownFormatProblems = (schema: Record<string, unknown>, pointer = "/schema"): Problem[] => {
  const known = sharedAjv().formats;
  const problems: Problem[] = [];
  const visit = (node: unknown, at: string): void => {
    if (Array.isArray(node)) {
      node.forEach((item, index) => {
        visit(item, `${at}/${index}`);
      });
      return;
    }
    if (!isRecord(node)) return;
    for (const [key, value] of Object.entries(node)) {
      if (key === "format" && typeof value === "string" && !Object.hasOwn(known, value)) {
        const reason = `unknown format "${value}"`;
        problems.push(
          problem(
            PROBLEM_CODES.invalidFormSchema,
            `${at}/format`,
            `The form's schema cannot be used: ${reason}.`,
            "error",
            {
              reason,
            },
          ),
        );
      } else if (!DATA_KEYWORDS.has(key)) {
        visit(value, `${at}/${escapeSegment(key)}`);
      }
    }
  };
  visit(schema, pointer);
  return problems;
};
