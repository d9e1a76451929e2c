import type { Problem } from "@flowdesk/core";
import type { ErrorSchema } from "@rjsf/utils";

/*
 * The server's 422 names each field by a JSON pointer into the request body
 * ("/data/deliveryAddress", "/data/items/0/name"). rjsf shows errors next to a field when
 * they sit at that field's path in an ErrorSchema, so each pointer becomes that path.
 * Problems without a field (the whole form) come back separately, for a notice.
 */

const unescapeSegment = (segment: string): string => segment.replace(/~1/g, "/").replace(/~0/g, "~");

export const pointerToPath = (pointer: string, root = "/data"): string[] | undefined => {
  if (pointer !== root && !pointer.startsWith(`${root}/`)) return undefined;
  return pointer.slice(root.length).split("/").slice(1).map(unescapeSegment);
};

export interface MappedProblems {
  fieldErrors: ErrorSchema;
  formErrors: string[];
}

/** `word` says a problem in the reader's language (ui/problem-text.ts); by default its English sentence. */
export const problemsToErrorSchema = (
  problems: readonly Problem[],
  word: (problem: Problem) => string = (problem) => problem.message,
): MappedProblems => {
  const fieldErrors: Record<string, unknown> = {};
  const formErrors: string[] = [];
  for (const problem of problems) {
    const path = pointerToPath(problem.pointer);
    if (path === undefined || path.length === 0) {
      formErrors.push(word(problem));
      continue;
    }
    let node = fieldErrors;
    for (const segment of path) {
      node[segment] ??= {};
      node = node[segment] as Record<string, unknown>;
    }
    const errors = (node.__errors ?? []) as string[];
    const text = word(problem);
    if (!errors.includes(text)) node.__errors = [...errors, text];
  }
  return { fieldErrors: fieldErrors as ErrorSchema, formErrors };
};
