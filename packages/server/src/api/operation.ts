import type { JsonSchema, Static, TSchema } from "@flowdesk/core";
import type { Request, RequestHandler, Response } from "express";
import { HTTP_CODES, HttpProblem } from "../http/problem.ts";
import type { SignedInUser } from "../security/request-auth.ts";

export type HttpMethod = "get" | "post" | "put" | "patch" | "delete";

/**
 * What a handler receives: the request's parts after validation, and who is calling.
 * The parts are typed by the operation's own schemas (see defineOperation), so a handler
 * reads `call.body.reason`, never `(call.body as ...)`.
 */
export interface OperationCall<
  Params = Record<string, string | number>,
  Query = Record<string, unknown>,
  Body = unknown,
> {
  params: Params;
  query: Query;
  body: Body;
  user: SignedInUser | null;
  /** The caller's address as express sees it (honours "trust proxy"); goes into the audit log. */
  ip: string;
  req: Request;
  res: Response;
}

export interface OperationResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/**
 * One documented answer. A 2xx with a body names its schema (from @flowdesk/core's
 * contract); 4xx/5xx answers are problem documents, so they need none; 204 has no body.
 */
export interface ResponseSpec {
  description: string;
  schema?: JsonSchema;
}

/**
 * One API operation, declared once: the route, the JSON Schemas of its parameters,
 * query and body (used by the request validator AND the OpenAPI document), its
 * responses (documented and checked by the contract tests), and its handler. Who may
 * call it lives in the policy table (authorization-policy.ts), keyed by operationId.
 */
export interface OperationSpec<
  P extends TSchema = TSchema,
  Q extends TSchema = TSchema,
  B extends TSchema = TSchema,
  U extends SignedInUser | null = SignedInUser | null,
> {
  operationId: string;
  method: HttpMethod;
  /** Express-style path, e.g. /api/users/:id. */
  path: string;
  summary: string;
  tag: string;
  /** Schema of the path parameters (type object, one property per :name). */
  params?: P;
  query?: Q;
  body?: { schema: B; description?: string; required?: boolean };
  /** Largest accepted body, e.g. "1mb" (default). */
  bodyLimit?: string;
  responses: Record<string, ResponseSpec>;
  /** Extra middleware run after validation, before the handler (e.g. a rate limit). */
  before?: RequestHandler[];
  /**
   * The operation needs a signed-in caller: its handler sees `call.user` as a user, never
   * null. The policy table already refuses anonymous calls; a guard answers 401 anyway.
   */
  signedIn?: boolean;
  handle(call: OperationCall<Static<P>, Static<Q>, Static<B>> & { user: U }): Promise<OperationResult>;
}

/** An operation as the router and the document see it: its parts' types are erased. */
export interface Operation extends Omit<OperationSpec, "params" | "query" | "body" | "signedIn" | "handle"> {
  params?: JsonSchema;
  query?: JsonSchema;
  body?: { schema: JsonSchema; description?: string; required?: boolean };
  handle(call: OperationCall): Promise<OperationResult>;
}

/**
 * Declares an operation with its handler typed by its schemas: the validator has checked
 * params, query and body against exactly these before the handler runs. With
 * `signedIn: true` the handler is typed for a signed-in caller and is never run without one.
 */
export function defineOperation<
  P extends TSchema = TSchema,
  Q extends TSchema = TSchema,
  B extends TSchema = TSchema,
>(spec: OperationSpec<P, Q, B, SignedInUser> & { signedIn: true }): Operation;
export function defineOperation<
  P extends TSchema = TSchema,
  Q extends TSchema = TSchema,
  B extends TSchema = TSchema,
>(spec: OperationSpec<P, Q, B>): Operation;
export function defineOperation(spec: OperationSpec & { signedIn?: boolean }): Operation {
  const { signedIn, handle, ...rest } = spec;
  if (signedIn !== true) return { ...rest, handle } as Operation;
  return {
    ...rest,
    handle: async (call) => {
      const user = call.user;
      if (user === null) throw new HttpProblem(401, HTTP_CODES.signInRequired, "Sign in first.");
      return handle({ ...call, user });
    },
  } as Operation;
}
