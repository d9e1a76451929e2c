import type { CommandResult } from "@flowdesk/engine";
import type { ServerStore } from "@flowdesk/store";
import cookieParser from "cookie-parser";
import express, { type Express } from "express";
import type { ApiContext, Logger } from "./api/api-context.ts";
import { openApiOperation, resourceOperations } from "./api/api-operations.ts";
import { mountOperations } from "./api/mount-operations.ts";
import type { Operation } from "./api/operation.ts";
import { RequestValidator } from "./api/request-validation.ts";
import { problemErrorHandler, unknownApiRoute } from "./http/error-handler.ts";
import { securityHeaders } from "./http/security-headers.ts";
import { ServerRuntime } from "./runtime/server-runtime.ts";
import { AUTHORIZATION_POLICY, type PolicyRule } from "./security/authorization-policy.ts";
import { DEFAULT_SESSION_OPTIONS, loadSession, type SessionOptions } from "./security/session-cookie.ts";
import { webAppRouter } from "./web-app.ts";

export interface AppOptions {
  store: ServerStore;
  /** The clock; tests move it. */
  now?: () => Date;
  log?: Logger;
  session?: SessionOptions;
  loginAttempts?: { limit: number; windowMs: number };
  /** Folder of the built web app; absent or unbuilt = a page saying how to build it. */
  webRoot?: string;
  /** Express "trust proxy": set when a TLS-terminating proxy sits in front (Secure cookies, real client IPs). */
  trustProxy?: boolean | number | string;
  /** For tests: operations to mount next to the real ones, and the policy to check them against. */
  extraOperations?: (context: ApiContext) => Operation[];
  policy?: Readonly<Record<string, PolicyRule>>;
  /** The runtime commands run on; default one over `store` with the same clock. */
  runtime?: ServerRuntime;
  /** Called after each command commits (the live publisher); default: nothing is pushed. */
  committed?: (result: CommandResult) => void;
  /** Called after a new definition version committed; default: nothing is pushed. */
  definitionPublished?: (definition: { id: string; kind: string; version: number }) => void;
}

export const consoleLogger: Logger = {
  info: (message) => console.log(message),
  error: (message, error) => console.error(message, error),
};

export interface FlowdeskApp {
  app: Express;
  operations: readonly Operation[];
  runtime: ServerRuntime;
}

/** Builds the express app: security middleware, the API from its operation list, the web app. */
export const createApp = (options: AppOptions): FlowdeskApp => {
  const now = options.now ?? (() => new Date());
  const context: ApiContext = {
    store: options.store,
    now,
    log: options.log ?? consoleLogger,
    session: options.session ?? DEFAULT_SESSION_OPTIONS,
    loginAttempts: options.loginAttempts ?? { limit: 5, windowMs: 15 * 60 * 1000 },
    runtime: options.runtime ?? new ServerRuntime(options.store, { now }),
    committed: options.committed ?? (() => undefined),
    definitionPublished: options.definitionPublished ?? (() => undefined),
  };
  const operations: Operation[] = [
    ...resourceOperations(context),
    ...(options.extraOperations?.(context) ?? []),
  ];
  const policy = options.policy ?? AUTHORIZATION_POLICY;
  operations.push(openApiOperation(() => operations, policy));
  const seen = new Set<string>();
  for (const { operationId } of operations) {
    if (seen.has(operationId)) throw new Error(`Two operations are named ${operationId}`);
    seen.add(operationId);
  }

  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", options.trustProxy ?? false);
  app.set("query parser", "simple");
  app.use(securityHeaders);

  // Operation paths are written in full (/api/...), so the router mounts at the root.
  const api = express.Router();
  api.use("/api", cookieParser(), loadSession(context.store, context.now), (_req, res, next) => {
    res.setHeader("Cache-Control", "no-store");
    next();
  });
  mountOperations(api, operations, {
    policy,
    validator: new RequestValidator(),
  });
  api.use("/api", unknownApiRoute);
  app.use(api);
  app.use(webAppRouter(options.webRoot));
  app.use(unknownApiRoute);
  app.use(problemErrorHandler(context.log.error));
  return { app, operations, runtime: context.runtime };
};
