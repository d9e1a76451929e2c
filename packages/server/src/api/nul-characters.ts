import type { Problem } from "@flowdesk/core";
import { HTTP_CODES } from "../http/problem.ts";

const NUL = "\u0000";
const MAX_PROBLEMS = 50;

const escapePointer = (key: string): string => key.replace(/~/g, "~0").replace(/\//g, "~1");

/**
 * Finds every string (value or field name) holding U+0000. PostgreSQL text cannot store
 * it and SQLite cuts strings at it in places, so it is refused on both databases alike,
 * at the door, with a pointer to the field. Body pointers point into the body;
 * parameter pointers say which part they are in, as schema problems do.
 */
export function nulCharacterProblems(part: "params" | "query" | "body", value: unknown): Problem[] {
  const problems: Problem[] = [];
  const visit = (node: unknown, pointer: string): void => {
    if (problems.length >= MAX_PROBLEMS) return;
    if (typeof node === "string") {
      if (node.includes(NUL)) problems.push(nulProblem(part, pointer));
      return;
    }
    if (Array.isArray(node)) {
      node.forEach((item, index) => {
        visit(item, `${pointer}/${index}`);
      });
      return;
    }
    if (typeof node === "object" && node !== null) {
      for (const [key, item] of Object.entries(node)) {
        const childPointer = `${pointer}/${escapePointer(key)}`;
        if (key.includes(NUL)) problems.push(nulProblem(part, childPointer, "field name"));
        visit(item, childPointer);
      }
    }
  };
  visit(value, "");
  return problems;
}

const nulProblem = (part: "params" | "query" | "body", pointer: string, what = "value"): Problem => ({
  code: HTTP_CODES.invalidRequest,
  severity: "error",
  pointer: part === "body" ? pointer : `/${part}${pointer}`,
  message: `this ${what} contains a NUL character (U+0000), which Flowdesk does not store; remove it and send again`,
});
