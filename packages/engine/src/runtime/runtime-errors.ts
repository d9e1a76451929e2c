import { codesOf, ERROR_CODES, FlowdeskError } from "@flowdesk/core";

/**
 * Runtime error codes (FD64xx, echoing the HTTP status the server maps them to). They
 * are user errors: the request names something missing or lost a race, and the message
 * says what to do.
 */
export const RUNTIME_ERRORS = codesOf(ERROR_CODES.runtime);

export const notFound = (code: string, message: string): FlowdeskError =>
  new FlowdeskError({ code, kind: "user", message, retryable: false });

/**
 * Someone else committed first. `retryable` is true when the same request may succeed
 * on a fresh read (the instance moved on), false when the thing itself is gone (the
 * task was completed by someone else).
 */
export const conflictError = (
  message: string,
  retryable: boolean,
  details?: Record<string, unknown>,
): FlowdeskError =>
  new FlowdeskError({
    code: RUNTIME_ERRORS.conflict,
    kind: "user",
    message,
    retryable,
    ...(details === undefined ? {} : { details }),
  });

export const isConflict = (error: unknown): error is FlowdeskError =>
  error instanceof FlowdeskError && error.code === RUNTIME_ERRORS.conflict;
