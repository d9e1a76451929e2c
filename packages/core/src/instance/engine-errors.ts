import { codesOf, ERROR_CODES } from "../error-codes.ts";
import { FlowdeskError } from "../errors.ts";

/**
 * Engine error codes (FD5xxx). FD5001-FD5019 reject an event: the caller gets the error
 * and the instance does not change. FD5020 and up are incidents: they are stored on the
 * instance, shown to admins and cleared by `incident.retry`.
 */
export const ENGINE_ERRORS = codesOf(ERROR_CODES.engine);

export type EngineErrorCode = (typeof ENGINE_ERRORS)[keyof typeof ENGINE_ERRORS];

/** True when the error must reject the event rather than open an incident. */
export const isRejection = (error: unknown): error is FlowdeskError =>
  error instanceof FlowdeskError && /^FD50[01]\d$/.test(error.code);

/** An event that does not apply to the instance as it stands. */
export const rejectEvent = (code: EngineErrorCode, message: string): FlowdeskError =>
  new FlowdeskError({ code, kind: "user", message, retryable: false });

/** A step that cannot go on until someone fixes data or configuration and retries. */
export const incidentError = (
  code: EngineErrorCode,
  message: string,
  details?: Record<string, unknown>,
): FlowdeskError =>
  new FlowdeskError({
    code,
    kind: "operational",
    message,
    retryable: true,
    ...(details === undefined ? {} : { details }),
  });
