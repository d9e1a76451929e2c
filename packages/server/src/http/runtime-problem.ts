import { ENGINE_ERRORS, FlowdeskError } from "@flowdesk/core";
import { RUNTIME_ERRORS } from "@flowdesk/engine";
import { HTTP_CODES, HttpProblem } from "./problem.ts";

const NOT_FOUND_CODES: ReadonlySet<string> = new Set([
  RUNTIME_ERRORS.instanceNotFound,
  RUNTIME_ERRORS.taskNotFound,
  RUNTIME_ERRORS.definitionNotFound,
  RUNTIME_ERRORS.incidentNotFound,
  RUNTIME_ERRORS.messageNotAwaited,
]);

/** Refusals that mean someone else has the thing: the caller is told who, as for a lost race. */
const CONFLICT_CODES: ReadonlySet<string> = new Set([RUNTIME_ERRORS.conflict, ENGINE_ERRORS.taskHeldByOther]);

/**
 * Runtime errors as HTTP problems: a lost race (or a task someone else holds) is 409 with the runtime's sentence, a
 * missing thing 404, an event the process does not accept as it stands (a comment
 * required, not the approver) 422 with the engine's code. Anything else is rethrown.
 */
export const runtimeProblem = (error: unknown): HttpProblem => {
  if (!(error instanceof FlowdeskError)) throw error;
  const problems = [
    { code: error.code, severity: "error" as const, pointer: error.pointer ?? "", message: error.message },
  ];
  if (CONFLICT_CODES.has(error.code))
    return new HttpProblem(409, HTTP_CODES.conflict, error.message, { problems });
  if (NOT_FOUND_CODES.has(error.code))
    return new HttpProblem(404, HTTP_CODES.notFound, error.message, { problems });
  // Engine rejections (FD50xx) and other user errors: the event does not fit the process as it stands.
  if (error.kind === "user") {
    return new HttpProblem(422, HTTP_CODES.unprocessable, error.message, { problems });
  }
  throw error;
};

/** Runs a runtime command, turning its refusals into problem+json. */
export const runCommand = async <T>(command: () => Promise<T>): Promise<T> => {
  try {
    return await command();
  } catch (error) {
    throw runtimeProblem(error);
  }
};
