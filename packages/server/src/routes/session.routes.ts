import { ChangePasswordBody, SessionView, SignInBody } from "@flowdesk/core";
import type { ServerTransaction } from "@flowdesk/store";
import type { Request } from "express";
import { ipKeyGenerator, rateLimit } from "express-rate-limit";
import { type ApiContext, recordAudit } from "../api/api-context.ts";
import { defineOperation, type Operation } from "../api/operation.ts";
import { HTTP_CODES, HttpProblem } from "../http/problem.ts";
import { DatabaseRateLimitStore } from "../security/database-rate-limit-store.ts";
import { decoyHash, hashPassword, needsRehash, verifyPassword } from "../security/password-hash.ts";
import { requestAuth } from "../security/request-auth.ts";
import {
  clearSessionCookie,
  setSessionCookie,
  signedInUserOf,
  startSession,
} from "../security/session-cookie.ts";
import { endLiveAccess } from "../security/session-revocation.ts";

/** The user name the attempt is for: from the sign-in body, else the signed-in user (password change). */
const usernameOf = (req: Request): string => {
  const body = req.body as { username?: unknown } | undefined;
  if (typeof body?.username === "string") return body.username.toLowerCase();
  return requestAuth(req).user?.username.toLowerCase() ?? "";
};

export const sessionOperations = (context: ApiContext): Operation[] => {
  // Failed sign-ins per (user name, address): a successful one does not count.
  const loginLimiter = rateLimit({
    windowMs: context.loginAttempts.windowMs,
    limit: context.loginAttempts.limit,
    skipSuccessfulRequests: true,
    store: new DatabaseRateLimitStore(context.store, "sign-in"),
    standardHeaders: "draft-8",
    legacyHeaders: false,
    keyGenerator: (req) => `${ipKeyGenerator(req.ip ?? "")}|${usernameOf(req)}`,
    handler: (req, _res, next) => {
      const resetTime = (req as Request & { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime;
      const seconds = Math.max(1, Math.ceil(((resetTime?.getTime() ?? Date.now()) - Date.now()) / 1000));
      next(
        new HttpProblem(
          429,
          HTTP_CODES.rateLimited,
          `Too many failed sign-ins for this user from this address; try again in ${seconds} seconds.`,
          { headers: { "Retry-After": String(seconds) } },
        ),
      );
    },
  });

  // A visitor session is a database row: cap how fast one address can make them.
  const visitorSessionLimiter = rateLimit({
    windowMs: 15 * 60 * 1000,
    limit: 100,
    standardHeaders: "draft-8",
    legacyHeaders: false,
    skip: (req) => requestAuth(req).session !== undefined,
    keyGenerator: (req) => ipKeyGenerator(req.ip ?? ""),
    handler: (_req, _res, next) => {
      next(
        new HttpProblem(
          429,
          HTTP_CODES.rateLimited,
          "Too many new sessions from this address; keep the cookie.",
          {
            headers: { "Retry-After": "900" },
          },
        ),
      );
    },
  });

  const visitorSession = async (req: Request, res: Parameters<Operation["handle"]>[0]["res"]) => {
    const existing = requestAuth(req).session;
    if (existing !== undefined) return existing.csrfToken;
    const now = context.now();
    const { sessionId, record } = await context.store.transaction(async (tx) => {
      await tx.sessions.deleteExpired(now.toISOString());
      return startSession(tx, { userId: null, now, ttlMs: context.session.visitorTtlMs });
    });
    setSessionCookie(req, res, sessionId, context.session.visitorTtlMs);
    return record.csrfToken;
  };

  return [
    defineOperation({
      operationId: "getSession",
      method: "get",
      path: "/api/session",
      summary: "Who is signed in, and the CSRF token for state-changing requests",
      tag: "session",
      before: [visitorSessionLimiter],
      responses: {
        "200": { description: "The session.", schema: SessionView },
        "429": { description: "Too many new visitor sessions from this address." },
      },
      async handle(call) {
        const csrfToken = await visitorSession(call.req, call.res);
        return {
          status: 200,
          body: { user: call.user, csrfToken },
          headers: { "Cache-Control": "no-store" },
        };
      },
    }),
    defineOperation({
      operationId: "createSession",
      method: "post",
      path: "/api/session",
      summary: "Sign in with user name and password",
      tag: "session",
      body: { schema: SignInBody },
      before: [loginLimiter],
      responses: {
        "200": { description: "Signed in; a new session cookie is set.", schema: SessionView },
        "401": { description: "Wrong user name or password, or the account is disabled." },
        "429": { description: "Too many failed sign-ins; see Retry-After." },
      },
      async handle(call) {
        const { username, password } = call.body;
        const now = context.now();
        const account = await context.store.transaction((tx) => tx.users.findByUsername(username));
        // Unknown users cost as much as known ones, so timing does not reveal which names exist.
        const passwordOk = await verifyPassword(password, account?.passwordHash ?? (await decoyHash()));
        if (account === undefined || !passwordOk || account.disabled) {
          await context.store.transaction((tx) =>
            recordAudit(tx, call, now, {
              action: "session.refused",
              targetType: "user",
              targetId: account?.id ?? null,
              details: { username },
            }),
          );
          throw new HttpProblem(401, HTTP_CODES.wrongCredentials, "Wrong user name or password.");
        }
        const rehashed = needsRehash(account.passwordHash) ? await hashPassword(password) : undefined;
        const previous = requestAuth(call.req).session;
        const result = await context.store.transaction(async (tx: ServerTransaction) => {
          if (previous !== undefined) await tx.sessions.delete(previous.idHash);
          await tx.sessions.deleteExpired(now.toISOString());
          await tx.rateLimits.deleteExpired(now.toISOString());
          if (rehashed !== undefined) {
            await tx.users.update(account.id, { passwordHash: rehashed, at: now.toISOString() });
          }
          const started = await startSession(tx, {
            userId: account.id,
            now,
            ttlMs: context.session.signedInTtlMs,
          });
          const user = await signedInUserOf(tx, account.id);
          await recordAudit(tx, { user, ip: call.ip }, now, {
            action: "session.created",
            targetType: "user",
            targetId: account.id,
          });
          return { ...started, user };
        });
        if (previous !== undefined) endLiveAccess(context.store, { sessionIdHash: previous.idHash });
        setSessionCookie(call.req, call.res, result.sessionId, context.session.signedInTtlMs);
        return { status: 200, body: { user: result.user, csrfToken: result.record.csrfToken } };
      },
    }),
    defineOperation({
      operationId: "deleteSession",
      method: "delete",
      path: "/api/session",
      summary: "Sign out",
      tag: "session",
      responses: { "204": { description: "Signed out; the session no longer exists." } },
      async handle(call) {
        const session = requestAuth(call.req).session;
        if (session !== undefined) {
          await context.store.transaction(async (tx) => {
            await tx.sessions.delete(session.idHash);
            if (call.user !== null) {
              await recordAudit(tx, call, context.now(), {
                action: "session.deleted",
                targetType: "user",
                targetId: call.user.id,
              });
            }
          });
          // Its live sockets end too, in every server process (through the adapter).
          endLiveAccess(context.store, { sessionIdHash: session.idHash });
        }
        clearSessionCookie(call.req, call.res);
        return { status: 204 };
      },
    }),
    defineOperation({
      operationId: "changeOwnPassword",
      method: "put",
      path: "/api/session/password",
      summary: "Change your own password (needs the current one); other sessions of yours end",
      tag: "session",
      body: { schema: ChangePasswordBody },
      before: [loginLimiter],
      responses: {
        "204": { description: "Changed." },
        "401": { description: "The current password is wrong." },
        "429": { description: "Too many wrong current passwords; see Retry-After." },
      },
      async handle(call) {
        const user = call.user;
        if (user === null) throw new HttpProblem(401, HTTP_CODES.signInRequired, "Sign in first.");
        const { currentPassword, newPassword } = call.body;
        const account = await context.store.transaction((tx) => tx.users.findByUsername(user.username));
        if (account === undefined || !(await verifyPassword(currentPassword, account.passwordHash))) {
          throw new HttpProblem(401, HTTP_CODES.wrongCredentials, "The current password is wrong.");
        }
        const passwordHash = await hashPassword(newPassword);
        const now = context.now();
        const current = requestAuth(call.req).session;
        await context.store.transaction(async (tx) => {
          await tx.users.update(account.id, { passwordHash, at: now.toISOString() });
          // Every other session of this user ends; this one stays signed in.
          await tx.sessions.deleteForUser(account.id);
          if (current !== undefined) await tx.sessions.insert(current);
          await recordAudit(tx, call, now, {
            action: "user.password-changed",
            targetType: "user",
            targetId: account.id,
          });
        });
        endLiveAccess(context.store, {
          userId: account.id,
          ...(current === undefined ? {} : { keepSessionIdHash: current.idHash }),
        });
        return { status: 204 };
      },
    }),
  ];
};
