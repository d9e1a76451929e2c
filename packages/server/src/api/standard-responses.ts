import type { Operation, ResponseSpec } from "./operation.ts";

/*
 * Answers every operation may give whatever its handler does, because the chain in front
 * of it gives them (mount-operations.ts): the request does not fit its schema (400), nobody
 * is signed in (401), the policy or the CSRF check refuses (403), and something broke
 * (500). Operations with a body can also meet the body limit (413) and a wrong media type
 * (415). All are problem documents.
 */
const ALWAYS: Record<string, ResponseSpec> = {
  "400": { description: "The request does not match this operation's schema; problems say where." },
  "401": { description: "Sign in first." },
  "403": { description: "Not allowed for the caller's roles, or the CSRF token is missing or wrong." },
  "500": { description: "Something unexpected failed; nothing was half-written." },
};

const WITH_BODY: Record<string, ResponseSpec> = {
  "413": { description: "The body is larger than this operation accepts." },
  "415": { description: "The body is not application/json." },
};

/** Every operation with a path parameter: the record it names may not exist (or not for the caller). */
const WITH_PATH_PARAMS: Record<string, ResponseSpec> = {
  "404": { description: "No such record, or not one the caller may see." },
};

/** How the runtime refuses a command (runtime-problem.ts): unknown, changed meanwhile, or not allowed now. */
export const COMMAND_REFUSALS: Record<string, ResponseSpec> = {
  "404": { description: "The instance or task does not exist (any more)." },
  "409": { description: "Someone else changed it first, or it has already finished." },
  "422": { description: "The runtime refused the command as it stands (e.g. a comment is required)." },
};

/** The operation's own responses, completed with the ones the chain gives. */
export const responsesOf = (operation: Operation): Record<string, ResponseSpec> => ({
  ...ALWAYS,
  ...(operation.method === "get" ? {} : WITH_BODY),
  ...(operation.path.includes(":") ? WITH_PATH_PARAMS : {}),
  ...operation.responses,
});

/** Statuses answered with no body at all. */
export const isEmptyStatus = (status: string): boolean => status === "204" || status === "304";
