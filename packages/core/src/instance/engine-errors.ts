import { FlowdeskError } from "../errors.ts";

/**
 * Engine error codes (FD5xxx). FD5001-FD5019 reject an event: the caller gets the error
 * and the instance does not change. FD5020 and up are incidents: they are stored on the
 * instance, shown to admins and cleared by `incident.retry`.
 */
export const ENGINE_ERRORS = {
  instanceNotRunning: "FD5001",
  taskNotOpen: "FD5002",
  unknownOutcome: "FD5003",
  jobNotScheduled: "FD5004",
  callNotOutstanding: "FD5005",
  messageNotExpected: "FD5006",
  subprocessNotRunning: "FD5007",
  incidentNotOpen: "FD5008",
  notAnApprover: "FD5009",
  stateUnreadable: "FD5010",
  stateTooNew: "FD5011",
  delegationNotAllowed: "FD5012",
  commentRequired: "FD5013",
  instanceAlreadyStarted: "FD5014",
  unknownNodeType: "FD5015",
  unknownEvent: "FD5016",
  taskHeldByOther: "FD5017",
  expressionFailed: "FD5020",
  noDecisionPath: "FD5021",
  serviceCallFailed: "FD5022",
  noBusinessCalendar: "FD5023",
  nobodyToAssign: "FD5024",
  badDate: "FD5025",
  noEdgeForOutcome: "FD5026",
  subprocessFailed: "FD5027",
  runawayLoop: "FD5028",
  badConfig: "FD5029",
} as const;

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
