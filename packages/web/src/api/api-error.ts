import type { Problem } from "@flowdesk/core";

/** An application/problem+json answer (RFC 9457), thrown by the API client. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string | undefined;
  readonly problems: Problem[];

  constructor(
    status: number,
    body: { title?: string; detail?: string; code?: string; problems?: Problem[] },
  ) {
    super(body.detail ?? body.title ?? `HTTP ${status}`);
    this.name = "ApiError";
    this.status = status;
    this.code = body.code;
    this.problems = body.problems ?? [];
  }
}
