import express, { type RequestHandler, type Router } from "express";
import { HTTP_CODES, HttpProblem } from "../http/problem.ts";
import type { PolicyRule } from "../security/authorization-policy.ts";
import { authorize } from "../security/authorize.ts";
import { csrfProtection } from "../security/csrf-protection.ts";
import { requestAuth } from "../security/request-auth.ts";
import type { Operation } from "./operation.ts";
import { type RequestValidator, validatedRequest } from "./request-validation.ts";

const DEFAULT_BODY_LIMIT = "1mb";

/** Only JSON bodies are read; anything else is refused rather than silently ignored. */
const requireJsonWhenBodyPresent: RequestHandler = (req, _res, next) => {
  const hasBody =
    req.headers["content-length"] !== undefined || req.headers["transfer-encoding"] !== undefined;
  const length = Number(req.headers["content-length"] ?? "0");
  if (hasBody && length !== 0 && !req.is(["application/json", "application/*+json"])) {
    next(new HttpProblem(415, HTTP_CODES.unsupportedMediaType, "Send the request body as application/json."));
    return;
  }
  next();
};

/**
 * Mounts operations on a router, each behind the same chain, in this order:
 * CSRF check -> authorization (policy table) -> JSON body (size-limited) -> schema
 * validation -> operation middleware -> handler. Nothing reads a body the caller was
 * not allowed to send, and nothing writes before the input is known to be good.
 */
export const mountOperations = (
  router: Router,
  operations: readonly Operation[],
  context: { policy: Readonly<Record<string, PolicyRule>>; validator: RequestValidator },
): void => {
  for (const operation of operations) {
    const handler: RequestHandler = async (req, res) => {
      const validated = validatedRequest(req);
      if (validated === undefined) throw new Error(`request of ${operation.operationId} was not validated`);
      const result = await operation.handle({
        ...validated,
        user: requestAuth(req).user,
        ip: req.ip ?? "",
        req,
        res,
      });
      for (const [name, value] of Object.entries(result.headers ?? {})) res.setHeader(name, value);
      if (result.body === undefined) res.status(result.status).end();
      else res.status(result.status).json(result.body);
    };
    router[operation.method](
      operation.path,
      csrfProtection,
      authorize(operation.operationId, context.policy),
      requireJsonWhenBodyPresent,
      express.json({
        limit: operation.bodyLimit ?? DEFAULT_BODY_LIMIT,
        strict: true,
        type: ["application/json", "application/*+json"],
      }),
      context.validator.middleware(operation),
      ...(operation.before ?? []),
      handler,
    );
  }
};
