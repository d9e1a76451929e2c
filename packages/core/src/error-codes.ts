import type { ErrorKind } from "./errors.ts";

/**
 * Every stable FD code Flowdesk emits, each written once, here, with its place in the
 * error taxonomy and whether retrying may help by default. Everything else refers to a
 * code by name (PROBLEM_CODES.noStart, ERROR_CODES.http.invalidRequest.code), so a code
 * is never spelled twice and never reused for another meaning: codes are stored in
 * instance state, problem lists and clients' catalogs. tests/core/error-codes.test.ts
 * fails on a code written anywhere else or registered twice.
 *
 *   FD1xxx definition structure    FD2xxx workflow graph    FD3xxx expressions
 *   FD4xxx references and packs    FD5xxx engine           FD6xxx runtime and HTTP
 *   FD9000 unexpected (a bug, not something the caller can fix)
 */
export interface ErrorCodeEntry {
  readonly code: string;
  readonly kind: ErrorKind;
  /** Default for errors of this code; a caller may know better (a lost race on a fresh read). */
  readonly retryable: boolean;
}

const user = <Code extends string>(code: Code) => ({ code, kind: "user", retryable: false }) as const;
const operational = <Code extends string>(code: Code) =>
  ({ code, kind: "operational", retryable: true }) as const;

export const ERROR_CODES = {
  /** Problems in a definition's structure, graph and references (validation returns them as data). */
  definition: {
    notAnObject: user("FD1001"),
    unknownKind: user("FD1002"),
    unsupportedSchemaVersion: user("FD1003"),
    missingProperty: user("FD1004"),
    wrongType: user("FD1005"),
    notAllowedValue: user("FD1006"),
    badFormat: user("FD1007"),
    unknownProperty: user("FD1008"),
    wrongSize: user("FD1009"),
    outOfRange: user("FD1010"),
    noMatchingShape: user("FD1011"),
    invalidFormSchema: user("FD1012"),
    lookupWithoutField: user("FD1013"),
    duplicateEntry: user("FD1014"),
    brokenNodeSchema: user("FD1015"),
    noStart: user("FD2001"),
    multipleStarts: user("FD2002"),
    unreachableNode: user("FD2003"),
    cannotReachEnd: user("FD2004"),
    unknownNodeType: user("FD2005"),
    duplicateNodeId: user("FD2006"),
    duplicateEdgeId: user("FD2007"),
    edgeSourceMissing: user("FD2008"),
    edgeTargetMissing: user("FD2009"),
    unknownOutcome: user("FD2010"),
    tooManyIncoming: user("FD2011"),
    tooManyOutgoing: user("FD2012"),
    edgeIntoStart: user("FD2013"),
    edgeOutOfEnd: user("FD2014"),
    selfLoop: user("FD2015"),
    decisionWithoutDefault: user("FD2016"),
    decisionEdgeWithoutCondition: user("FD2017"),
    decisionWithSeveralDefaults: user("FD2018"),
    joinMixesForks: user("FD2019"),
    requiredOutcomeMissing: user("FD2020"),
    waitWithoutTimer: user("FD2021"),
    subprocessCallsItself: user("FD2022"),
    subprocessCycle: user("FD2023"),
    conditionIgnored: user("FD2024"),
    outcomeRequired: user("FD2025"),
    duplicateConnection: user("FD2026"),
    unknownForm: user("FD4001"),
    unknownSlaPolicy: user("FD4002"),
    unknownWorkflow: user("FD4003"),
    unknownCategory: user("FD4004"),
    unknownGroup: user("FD4005"),
    unknownRole: user("FD4006"),
    duplicateDefinition: user("FD4007"),
  },
  /**
   * Expression failures of the CEL module: the same code at design time (a problem on the
   * definition) and at run time (a FlowdeskError in an incident).
   */
  expression: {
    syntax: user("FD3001"),
    tooLong: user("FD3002"),
    tooDeep: user("FD3003"),
    unknownVariable: user("FD3004"),
    evaluation: user("FD3005"),
    costExceeded: user("FD3006"),
    outputTooLarge: user("FD3007"),
    notBoolean: user("FD3008"),
    unclosedPlaceholder: user("FD3009"),
    unsupportedValue: user("FD3010"),
    unknownFunction: user("FD3011"),
  },
  /** What the designer can only suspect about variables (forms not loaded, order of writes). */
  variables: {
    unverifiedVariable: user("FD3020"),
    variableReadBeforeSet: user("FD3021"),
  },
  pack: {
    /** One id names definitions of two kinds across the pack and what is installed. */
    kindConflict: user("FD4101"),
  },
  /** FD5001-FD5019 reject an event; FD5020 and up are incidents stored on the instance. */
  engine: {
    instanceNotRunning: user("FD5001"),
    taskNotOpen: user("FD5002"),
    unknownOutcome: user("FD5003"),
    jobNotScheduled: user("FD5004"),
    callNotOutstanding: user("FD5005"),
    messageNotExpected: user("FD5006"),
    subprocessNotRunning: user("FD5007"),
    incidentNotOpen: user("FD5008"),
    notAnApprover: user("FD5009"),
    stateUnreadable: user("FD5010"),
    stateTooNew: user("FD5011"),
    delegationNotAllowed: user("FD5012"),
    commentRequired: user("FD5013"),
    instanceAlreadyStarted: user("FD5014"),
    unknownNodeType: user("FD5015"),
    unknownEvent: user("FD5016"),
    /** Someone else holds the task (claiming it, or acting on it, is theirs to do). */
    taskHeldByOther: user("FD5017"),
    expressionFailed: operational("FD5020"),
    noDecisionPath: operational("FD5021"),
    serviceCallFailed: operational("FD5022"),
    noBusinessCalendar: operational("FD5023"),
    nobodyToAssign: operational("FD5024"),
    badDate: operational("FD5025"),
    noEdgeForOutcome: operational("FD5026"),
    subprocessFailed: operational("FD5027"),
    runawayLoop: operational("FD5028"),
    badConfig: operational("FD5029"),
  },
  /** The runtime around the engine (FD64xx echo the HTTP status the server maps them to). */
  runtime: {
    instanceNotFound: user("FD6404"),
    taskNotFound: user("FD6405"),
    definitionNotFound: user("FD6406"),
    incidentNotFound: user("FD6407"),
    messageNotAwaited: user("FD6408"),
    conflict: user("FD6409"),
    /** A subprocess the child side could not start (its definition is gone or broken). */
    subprocessNotStarted: { code: "FD6410", kind: "operational", retryable: false },
    /** An HTTP call that got no answer (connection refused, timeout, TLS). */
    httpTransport: operational("FD6502"),
  },
  /** The HTTP layer's own answers. */
  http: {
    badRequest: user("FD6000"),
    invalidRequest: user("FD6001"),
    malformedJson: user("FD6002"),
    signInRequired: user("FD6010"),
    wrongCredentials: user("FD6011"),
    unsupportedMediaType: user("FD6015"),
    forbidden: user("FD6030"),
    csrf: user("FD6031"),
    noPolicy: user("FD6032"),
    notFound: user("FD6040"),
    conflict: user("FD6090"),
    tooLarge: user("FD6130"),
    invalidDefinition: user("FD6220"),
    invalidRequestData: user("FD6221"),
    unprocessable: user("FD6222"),
    rateLimited: operational("FD6290"),
    unavailable: operational("FD6503"),
  },
  /** The one code for "something broke that nobody foresaw": a check that threw, a 500. */
  unexpected: {
    unexpected: { code: "FD9000", kind: "unexpected", retryable: false },
  },
} as const;

type CodeGroup = Readonly<Record<string, ErrorCodeEntry>>;

/** A group's names mapped to their codes, keeping the literal types. */
export type CodesOf<Group extends CodeGroup> = { readonly [Name in keyof Group]: Group[Name]["code"] };

export const codesOf = <Group extends CodeGroup>(group: Group): CodesOf<Group> =>
  Object.fromEntries(Object.entries(group).map(([name, entry]) => [name, entry.code])) as CodesOf<Group>;

/** The code for unexpected failures, wherever they surface (validator, server, runtime). */
export const UNEXPECTED_ERROR = ERROR_CODES.unexpected.unexpected;

/** Every registered entry with where it is registered, in registry order. */
export const registeredErrorCodes = (): { group: string; name: string; entry: ErrorCodeEntry }[] =>
  Object.entries(ERROR_CODES).flatMap(([group, entries]) =>
    Object.entries(entries as CodeGroup).map(([name, entry]) => ({ group, name, entry })),
  );

const byCode = new Map(registeredErrorCodes().map(({ entry }) => [entry.code, entry]));

/** The registry's entry for a code, or undefined for a code Flowdesk never emits. */
export const errorCodeEntry = (code: string): ErrorCodeEntry | undefined => byCode.get(code);
