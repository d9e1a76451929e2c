import type { JsonSchema } from "@flowdesk/core";
import type { Request, RequestHandler, Response } from "express";
import type { SignedInUser } from "../security/request-auth.ts";

export type HttpMethod = "get" | "post" | "put" | "patch" | "delete";

/** What a handler receives: the request's parts after validation, and who is calling. */
export interface OperationCall {
  params: Record<string, string | number>;
  query: Record<string, unknown>;
  body: unknown;
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

export interface ResponseSpec {
  description: string;
  schema?: JsonSchema;
}

/**
 * One API operation, declared once: the route, the JSON Schemas of its parameters,
 * query and body (used by the request validator AND the OpenAPI document), its
 * responses (documentation), and its handler. Who may call it lives in the policy
 * table (authorization-policy.ts), keyed by operationId.
 */
export interface Operation {
  operationId: string;
  method: HttpMethod;
  /** Express-style path, e.g. /api/users/:id. */
  path: string;
  summary: string;
  tag: string;
  /** Schema of the path parameters (type object, one property per :name). */
  params?: JsonSchema;
  query?: JsonSchema;
  body?: { schema: JsonSchema; description?: string; required?: boolean };
  /** Largest accepted body, e.g. "1mb" (default). */
  bodyLimit?: string;
  responses: Record<string, ResponseSpec>;
  /** Extra middleware run after validation, before the handler (e.g. a rate limit). */
  before?: RequestHandler[];
  handle(call: OperationCall): Promise<OperationResult>;
}
