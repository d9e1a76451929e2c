import { codesOf, ERROR_CODES, type Problem, UNEXPECTED_ERROR } from "@flowdesk/core";
import type { Response } from "express";

/** RFC 9457 problem details, with Flowdesk's stable code and field-level problems. */
export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  problems?: Problem[];
}

const TITLES: Record<number, string> = {
  400: "Bad request",
  401: "Sign-in required",
  403: "Forbidden",
  404: "Not found",
  409: "Conflict",
  413: "Payload too large",
  415: "Unsupported media type",
  422: "Unprocessable content",
  429: "Too many requests",
  500: "Internal server error",
  503: "Service unavailable",
};

/** Thrown by handlers and middleware; the error handler turns it into problem+json. */
export class HttpProblem extends Error {
  readonly status: number;
  readonly code: string;
  readonly problems: Problem[] | undefined;
  readonly headers: Record<string, string>;

  constructor(
    status: number,
    code: string,
    detail: string,
    options: { problems?: Problem[]; headers?: Record<string, string> } = {},
  ) {
    super(detail);
    this.name = "HttpProblem";
    this.status = status;
    this.code = code;
    this.problems = options.problems;
    this.headers = options.headers ?? {};
  }

  toDocument(): ProblemDocument {
    const document: ProblemDocument = {
      type: `https://flowdesk.dev/problems/${this.code}`,
      title: TITLES[this.status] ?? "Error",
      status: this.status,
      detail: this.message,
      code: this.code,
    };
    if (this.problems !== undefined) document.problems = this.problems;
    return document;
  }
}

export const sendProblem = (res: Response, problem: HttpProblem): void => {
  for (const [name, value] of Object.entries(problem.headers)) res.setHeader(name, value);
  res.status(problem.status).type("application/problem+json").send(JSON.stringify(problem.toDocument()));
};

/**
 * Codes of the HTTP layer by name (FD6xxx, registered in core's ERROR_CODES); a 500 uses
 * the one code for unexpected failures.
 */
export const HTTP_CODES = {
  ...codesOf(ERROR_CODES.http),
  unexpected: UNEXPECTED_ERROR.code,
} as const;

export const notFound = (detail: string): HttpProblem => new HttpProblem(404, HTTP_CODES.notFound, detail);
export const conflict = (detail: string): HttpProblem => new HttpProblem(409, HTTP_CODES.conflict, detail);
export const badRequest = (detail: string, problems?: Problem[]): HttpProblem =>
  new HttpProblem(400, HTTP_CODES.invalidRequest, detail, problems === undefined ? {} : { problems });
