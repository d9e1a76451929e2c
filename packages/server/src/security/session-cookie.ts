import type { ServerStore, ServerTransaction, SessionRecord } from "@flowdesk/store";
import type { Request, RequestHandler, Response } from "express";
import { HTTP_CODES, HttpProblem } from "../http/problem.ts";
import { type RequestAuth, type SignedInUser, setRequestAuth } from "./request-auth.ts";
import { newSecret, sessionIdHash } from "./tokens.ts";

export const SESSION_COOKIE = "flowdesk_session";

export interface SessionOptions {
  /** How long a signed-in session lives (absolute, not sliding). */
  signedInTtlMs: number;
  /** How long a signed-out visitor's session (it only carries a CSRF token) lives. */
  visitorTtlMs: number;
}

export const DEFAULT_SESSION_OPTIONS: SessionOptions = {
  signedInTtlMs: 12 * 60 * 60 * 1000,
  visitorTtlMs: 2 * 60 * 60 * 1000,
};

export const signedInUserOf = async (tx: ServerTransaction, userId: string): Promise<SignedInUser | null> => {
  const user = await tx.users.get(userId);
  if (user === undefined || user.disabled) return null;
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    roles: await tx.users.rolesOf(user.id),
    groups: await tx.users.groupsOf(user.id),
  };
};

/**
 * The session a cookie value names, if live, and its user, if enabled. Exported for the
 * live gateway: sockets authenticate with the same cookie as HTTP.
 */
export const authenticateSessionId = async (
  store: ServerStore,
  sessionId: unknown,
  now: Date,
): Promise<RequestAuth> => {
  if (typeof sessionId !== "string" || sessionId.length === 0 || sessionId.length > 200) {
    return { session: undefined, user: null };
  }
  return store.transaction(async (tx) => {
    const session = await tx.sessions.getLive(sessionIdHash(sessionId), now.toISOString());
    if (session === undefined) return { session: undefined, user: null };
    const user = session.userId === null ? null : await signedInUserOf(tx, session.userId);
    return { session, user };
  });
};

/** Loads the session named by the cookie (if live) and its user (if enabled) into the request. */
export const loadSession =
  (store: ServerStore, now: () => Date): RequestHandler =>
  async (req, _res, next) => {
    try {
      setRequestAuth(req, await authenticateSessionId(store, req.cookies?.[SESSION_COOKIE], now()));
    } catch {
      // Without the database nobody can be authenticated: say so, rather than a bare 500.
      next(new HttpProblem(503, HTTP_CODES.unavailable, "The database is not reachable; try again shortly."));
      return;
    }
    next();
  };

/**
 * Starts a session (a new id every time: signing in never reuses the visitor's id, so
 * a planted cookie cannot be promoted to a signed-in session). Returns the cookie value.
 */
export const startSession = async (
  tx: ServerTransaction,
  input: { userId: string | null; now: Date; ttlMs: number },
): Promise<{ sessionId: string; record: SessionRecord }> => {
  const sessionId = newSecret();
  const record: SessionRecord = {
    idHash: sessionIdHash(sessionId),
    userId: input.userId,
    csrfToken: newSecret(),
    createdAt: input.now.toISOString(),
    expiresAt: new Date(input.now.getTime() + input.ttlMs).toISOString(),
  };
  await tx.sessions.insert(record);
  return { sessionId, record };
};

export const setSessionCookie = (req: Request, res: Response, sessionId: string, ttlMs: number): void => {
  res.cookie(SESSION_COOKIE, sessionId, {
    httpOnly: true,
    sameSite: "lax",
    // req.secure honours "trust proxy", so a TLS-terminating proxy in front still gets Secure cookies.
    secure: req.secure,
    path: "/",
    maxAge: ttlMs,
  });
};

export const clearSessionCookie = (req: Request, res: Response): void => {
  res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: "lax", secure: req.secure, path: "/" });
};
