import { UNEXPECTED_ERROR } from "./error-codes.ts";

/**
 * The error taxonomy. Errors serialise (they are stored in instance state and sent over
 * HTTP), so they carry data, not behaviour: a stable code, a kind, a sentence for
 * people, an optional JSON pointer and whether retrying may help.
 */
export type ErrorKind = "user" | "operational" | "unexpected";

export interface SerializedError {
  code: string;
  kind: ErrorKind;
  message: string;
  pointer?: string;
  retryable: boolean;
  details?: Record<string, unknown>;
}

export class FlowdeskError extends Error {
  readonly code: string;
  readonly kind: ErrorKind;
  readonly pointer: string | undefined;
  readonly retryable: boolean;
  readonly details: Record<string, unknown> | undefined;

  constructor(init: SerializedError) {
    super(init.message);
    this.name = "FlowdeskError";
    this.code = init.code;
    this.kind = init.kind;
    this.pointer = init.pointer;
    this.retryable = init.retryable;
    this.details = init.details;
  }

  toJSON(): SerializedError {
    const out: SerializedError = {
      code: this.code,
      kind: this.kind,
      message: this.message,
      retryable: this.retryable,
    };
    if (this.pointer !== undefined) out.pointer = this.pointer;
    if (this.details !== undefined) out.details = this.details;
    return out;
  }

  static fromJSON(data: SerializedError): FlowdeskError {
    return new FlowdeskError(data);
  }
}

export const userError = (code: string, message: string, pointer?: string): FlowdeskError =>
  new FlowdeskError({
    code,
    kind: "user",
    message,
    retryable: false,
    ...(pointer === undefined ? {} : { pointer }),
  });

export const operationalError = (code: string, message: string, retryable = true): FlowdeskError =>
  new FlowdeskError({ code, kind: "operational", message, retryable });

/** Turns anything thrown into a FlowdeskError without losing a FlowdeskError's data. */
export const toFlowdeskError = (thrown: unknown): FlowdeskError => {
  if (thrown instanceof FlowdeskError) return thrown;
  const message = thrown instanceof Error ? thrown.message : String(thrown);
  return new FlowdeskError({ ...UNEXPECTED_ERROR, message });
};
