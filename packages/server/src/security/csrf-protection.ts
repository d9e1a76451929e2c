import type { RequestHandler } from "express";
import { HTTP_CODES, HttpProblem } from "../http/problem.ts";
import { requestAuth } from "./request-auth.ts";
import { secretsEqual } from "./tokens.ts";

export const CSRF_HEADER = "x-csrf-token";
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Synchronizer-token CSRF protection: every state-changing request must echo, in the
 * X-CSRF-Token header, the token stored with its server-side session (GET /api/session
 * hands it out). A request with no session, no header or a different token is refused
 * before anything else looks at it. SameSite=Lax cookies are the second layer.
 */
export const csrfProtection: RequestHandler = (req, _res, next) => {
  if (SAFE_METHODS.has(req.method)) {
    next();
    return;
  }
  const expected = requestAuth(req).session?.csrfToken;
  const received = req.get(CSRF_HEADER);
  if (expected === undefined || received === undefined || !secretsEqual(received, expected)) {
    next(
      new HttpProblem(
        403,
        HTTP_CODES.csrf,
        "The CSRF token is missing or does not match this session; fetch GET /api/session and send its csrfToken in the X-CSRF-Token header.",
      ),
    );
    return;
  }
  next();
};
