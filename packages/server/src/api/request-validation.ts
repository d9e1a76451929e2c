import { type Ajv, createAjv, type JsonSchema, type Problem } from "@flowdesk/core";
import type { ErrorObject, ValidateFunction } from "ajv";
import type { Request, RequestHandler } from "express";
import { badRequest, HTTP_CODES } from "../http/problem.ts";
import { nulCharacterProblems } from "./nul-characters.ts";
import type { Operation } from "./operation.ts";

/** What the validator leaves for the handler: typed params and query, the checked body. */
export interface ValidatedRequest {
  params: Record<string, string | number>;
  query: Record<string, unknown>;
  body: unknown;
}

const validatedByRequest = new WeakMap<object, ValidatedRequest>();
export const validatedRequest = (req: object): ValidatedRequest | undefined => validatedByRequest.get(req);

/**
 * Path and query values arrive as strings; turn those the schema declares as integer,
 * number or boolean into that type. Anything that does not convert stays a string, so
 * the schema check reports it. A repeated query parameter stays an array, and fails.
 */
const coerce = (values: Record<string, unknown>, schema: JsonSchema | undefined): Record<string, unknown> => {
  const properties = (schema?.properties ?? {}) as Record<string, { type?: unknown }>;
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(values)) {
    const type = properties[name]?.type;
    if (
      typeof value === "string" &&
      (type === "integer" || type === "number") &&
      /^-?\d+(\.\d+)?$/.test(value)
    ) {
      out[name] = Number(value);
    } else if (typeof value === "string" && type === "boolean" && (value === "true" || value === "false")) {
      out[name] = value === "true";
    } else {
      out[name] = value;
    }
  }
  return out;
};

const problemOf = (part: "params" | "query" | "body", error: ErrorObject): Problem => {
  let pointer = error.instancePath;
  let message = error.message ?? "is not valid";
  if (error.keyword === "additionalProperties") {
    const extra = String((error.params as { additionalProperty?: unknown }).additionalProperty);
    pointer = `${pointer}/${extra.replace(/~/g, "~0").replace(/\//g, "~1")}`;
    message = `unknown field "${extra}"`;
  } else if (error.keyword === "propertyNames" || error.propertyName !== undefined) {
    const name = String((error.params as { propertyName?: unknown }).propertyName ?? error.propertyName);
    pointer = `${pointer}/${name.replace(/~/g, "~0").replace(/\//g, "~1")}`;
    message = `unknown field "${name}"`;
  } else if (error.keyword === "required") {
    const missing = String((error.params as { missingProperty?: unknown }).missingProperty);
    pointer = `${pointer}/${missing}`;
    message = `"${missing}" is required`;
  }
  // Body pointers point into the body; parameter pointers say which part they are in.
  const where = part === "body" ? pointer : `/${part}${pointer}`;
  return { code: HTTP_CODES.invalidRequest, severity: "error", pointer: where, message };
};

/**
 * Whether the caller sent a body at all. The JSON parser turns an empty body into `{}`,
 * so the parsed value cannot tell "nothing" from an explicit `{}` or `[]`: the length
 * can. A chunked body is judged by what it parsed to, as its length is not announced.
 */
const bodySent = (req: Request): boolean => {
  const length = req.headers["content-length"];
  if (length !== undefined) return Number(length) > 0;
  if (req.headers["transfer-encoding"] === undefined) return false;
  const body: unknown = req.body;
  return (
    body !== undefined &&
    !(typeof body === "object" && body !== null && !Array.isArray(body) && Object.keys(body).length === 0)
  );
};

interface CompiledOperation {
  params: ValidateFunction | undefined;
  query: ValidateFunction | undefined;
  body: ValidateFunction | undefined;
}

export class RequestValidator {
  private readonly ajv: Ajv;

  constructor() {
    // The same factory as the definition validator and the browser: one set of rules.
    this.ajv = createAjv();
  }

  /**
   * Returns an operation's middleware; its schemas are compiled once, on the first
   * request the operation receives. Compiling every operation at start-up was the
   * largest part of the server's start (about 0.4 s of CPU) for operations a given run
   * may never serve; the contract tests call each one, so a schema that cannot compile
   * still fails there.
   */
  middleware(operation: Operation): RequestHandler {
    let compiledOnce: CompiledOperation | undefined;
    const compile = (): CompiledOperation => {
      compiledOnce ??= {
        params: operation.params === undefined ? undefined : this.ajv.compile(operation.params),
        query: this.ajv.compile(operation.query ?? { type: "object", additionalProperties: false }),
        body: operation.body === undefined ? undefined : this.ajv.compile(operation.body.schema),
      };
      return compiledOnce;
    };
    const bodyRequired = operation.body !== undefined && operation.body.required !== false;
    return (req, _res, next) => {
      const compiled = compile();
      const problems: Problem[] = [
        ...nulCharacterProblems("params", req.params),
        ...nulCharacterProblems("query", req.query),
        ...nulCharacterProblems("body", req.body),
      ];
      const params = coerce(req.params as Record<string, unknown>, operation.params);
      if (compiled.params !== undefined && !compiled.params(params)) {
        for (const error of compiled.params.errors ?? []) problems.push(problemOf("params", error));
      }
      const query = coerce({ ...(req.query as Record<string, unknown>) }, operation.query);
      if (compiled.query !== undefined && !compiled.query(query)) {
        for (const error of compiled.query.errors ?? []) problems.push(problemOf("query", error));
      }
      const body: unknown = req.body;
      if (compiled.body === undefined) {
        if (bodySent(req)) {
          problems.push({
            code: HTTP_CODES.invalidRequest,
            severity: "error",
            pointer: "",
            message: "this operation takes no body",
          });
        }
      } else if (body === undefined) {
        if (bodyRequired) {
          problems.push({
            code: HTTP_CODES.invalidRequest,
            severity: "error",
            pointer: "",
            message: "a JSON body is required",
          });
        }
      } else if (!compiled.body(body)) {
        for (const error of compiled.body.errors ?? []) problems.push(problemOf("body", error));
      }
      if (problems.length > 0) {
        next(badRequest("The request does not match this operation's schema.", problems.slice(0, 50)));
        return;
      }
      validatedByRequest.set(req, { params: params as Record<string, string | number>, query, body });
      next();
    };
  }
}
