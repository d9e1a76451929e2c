import type { ErrorRequestHandler, RequestHandler } from "express";
import { HTTP_CODES, HttpProblem, sendProblem } from "./problem.ts";

interface BodyParserError {
  type?: string;
  status?: number;
  statusCode?: number;
  expose?: boolean;
}

/** Body-parser and other http-errors style errors carry a status and a type. */
const fromLibraryError = (error: BodyParserError & { message?: string }): HttpProblem | undefined => {
  const status = error.status ?? error.statusCode;
  if (typeof status !== "number" || status < 400 || status >= 500) return undefined;
  if (error.type === "entity.parse.failed") {
    return new HttpProblem(400, HTTP_CODES.malformedJson, "The request body is not valid JSON.");
  }
  if (error.type === "entity.too.large") {
    return new HttpProblem(
      413,
      HTTP_CODES.tooLarge,
      "The request body is larger than this operation accepts.",
    );
  }
  if (status === 415) {
    return new HttpProblem(
      415,
      HTTP_CODES.unsupportedMediaType,
      "Send the request body as application/json.",
    );
  }
  const detail = error.expose === true && error.message ? error.message : "The request could not be read.";
  return new HttpProblem(status, HTTP_CODES.badRequest, detail);
};

/**
 * The one place errors become responses: always application/problem+json. Anything we
 * did not anticipate is logged and answered with a 500 that leaks no internals.
 */
export const problemErrorHandler =
  (log: (message: string, error: unknown) => void): ErrorRequestHandler =>
  (error, _req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    if (error instanceof HttpProblem) {
      sendProblem(res, error);
      return;
    }
    const known =
      typeof error === "object" && error !== null ? fromLibraryError(error as BodyParserError) : undefined;
    if (known !== undefined) {
      sendProblem(res, known);
      return;
    }
    log("unexpected error while handling a request", error);
    sendProblem(res, new HttpProblem(500, HTTP_CODES.unexpected, "Something went wrong on the server."));
  };

export const unknownApiRoute: RequestHandler = (req, _res, next) => {
  next(new HttpProblem(404, HTTP_CODES.notFound, `There is no ${req.method} ${req.path} in this API.`));
};
