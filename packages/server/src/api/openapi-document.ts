import {
  bundleSchema,
  type DefinitionKind,
  type JsonSchema,
  KIND_SCHEMAS,
  ProblemBody,
} from "@flowdesk/core";
import type { PolicyRule } from "../security/authorization-policy.ts";
import type { Operation } from "./operation.ts";
import { isEmptyStatus, responsesOf } from "./standard-responses.ts";

const toOpenApiPath = (path: string): string => path.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, "{$1}");

const parameterList = (location: "path" | "query", schema: JsonSchema | undefined): unknown[] => {
  const properties = (schema?.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((schema?.required as string[] | undefined) ?? []);
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: location,
    required: location === "path" || required.has(name),
    schema: property,
  }));
};

const describePolicy = (rule: PolicyRule | undefined): string => {
  if (rule === undefined) return "Refused: no authorization policy.";
  if (rule.allow === "public") return "Allowed to anyone.";
  if (rule.allow === "signedIn") return "Allowed to any signed-in user.";
  const self = rule.selfParam === undefined ? "" : ` or the user named by {${rule.selfParam}}`;
  return `Allowed to roles: ${rule.allow.join(", ")}${self}.`;
};

/**
 * The OpenAPI 3.1 document, generated from the operation list: the schemas shown here
 * are the very objects the request validator compiles, and the definition bodies are
 * the published JSON Schemas of @flowdesk/core.
 */
export const buildOpenApiDocument = (
  operations: readonly Operation[],
  policy: Readonly<Record<string, PolicyRule>>,
): Record<string, unknown> => {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const operation of operations) {
    const path = toOpenApiPath(operation.path);
    const item = paths[path] ?? {};
    paths[path] = item;
    const responses: Record<string, unknown> = {};
    for (const [status, spec] of Object.entries(responsesOf(operation))) {
      const isProblem = Number(status) >= 400;
      // A 2xx without a declared schema is documented without content: the contract test
      // (tests/api) refuses such an operation, so the gap cannot stay unnoticed.
      responses[status] =
        isEmptyStatus(status) || (spec.schema === undefined && !isProblem)
          ? { description: spec.description }
          : {
              description: spec.description,
              content: {
                [isProblem ? "application/problem+json" : "application/json"]: {
                  schema: isProblem ? { $ref: "#/components/schemas/Problem" } : spec.schema,
                },
              },
            };
    }
    responses.default = {
      description: "An error, as RFC 9457 problem details.",
      content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
    };
    const entry: Record<string, unknown> = {
      operationId: operation.operationId,
      summary: operation.summary,
      description: describePolicy(policy[operation.operationId]),
      tags: [operation.tag],
      parameters: [...parameterList("path", operation.params), ...parameterList("query", operation.query)],
      responses,
      "x-flowdesk-policy": policy[operation.operationId] ?? null,
    };
    if (operation.body !== undefined) {
      entry.requestBody = {
        required: operation.body.required !== false,
        ...(operation.body.description === undefined ? {} : { description: operation.body.description }),
        content: { "application/json": { schema: operation.body.schema } },
      };
    }
    item[operation.method] = entry;
  }
  const definitionSchemas: Record<string, JsonSchema> = {};
  // Bundled (self-contained) schemas: the source files refer to common.schema.json by a
  // relative $ref that outside OpenAPI tools could not resolve inside this document.
  for (const kind of Object.keys(KIND_SCHEMAS) as DefinitionKind[]) {
    definitionSchemas[`${kind[0]?.toUpperCase()}${kind.slice(1)}Definition`] = bundleSchema(kind);
  }
  return {
    openapi: "3.1.0",
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    info: {
      title: "Flowdesk API",
      version: "0.1.0",
      description:
        "Flowdesk's REST API. Sign in with POST /api/session; send the session's csrfToken in X-CSRF-Token on every state-changing request. Errors are application/problem+json.",
    },
    servers: [{ url: "/" }],
    paths,
    components: {
      schemas: { Problem: ProblemBody, ...definitionSchemas },
      securitySchemes: {
        session: { type: "apiKey", in: "cookie", name: "flowdesk_session" },
        csrf: { type: "apiKey", in: "header", name: "X-CSRF-Token" },
      },
    },
    security: [{ session: [], csrf: [] }],
  };
};
