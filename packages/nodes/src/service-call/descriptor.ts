import type { NodeDescriptor } from "@flowdesk/core";
import {
  expressionSchema,
  JSON_SCHEMA_DRAFT,
  templateSchema,
  variableNameSchema,
} from "../config-schema-parts.ts";

/**
 * An HTTP call to another system. Leaves by "success", or by "failure" once retries are
 * spent; with no failure edge, a final failure becomes an incident on the instance that an
 * admin can see and retry.
 */
export const serviceCallDescriptor: NodeDescriptor = {
  type: "service-call",
  label: "Service call",
  description: "Calls an HTTP API with retries and an idempotency key, and maps the response into variables.",
  paletteGroup: "automation",
  icon: "M4 12h4l2-6l4 12l2-6h4",
  ports: { inputs: "many", outputs: "many" },
  outcomes: { fixed: ["success", "failure"], default: "success" },
  waits: false,
  writesVariables: [{ pointer: "/resultMapping", name: "keys" }],
  localRoots: [{ under: "/resultMapping", names: ["response"] }],
  expressionFields: ["/resultMapping/*"],
  templateFields: ["/url", "/headers/*", "/body", "/idempotencyKey"],
  propertySchema: {
    $schema: JSON_SCHEMA_DRAFT,
    type: "object",
    title: "Service call",
    properties: {
      method: {
        type: "string",
        title: "Method",
        enum: ["GET", "POST", "PUT", "PATCH", "DELETE"],
        default: "GET",
      },
      url: templateSchema("URL", "e.g. https://cmdb.example.org/api/ci/{{ configurationItem }}", 1),
      headers: {
        type: "object",
        title: "Headers",
        additionalProperties: templateSchema("Value", "Header value; {{ cel }} placeholders allowed."),
      },
      body: templateSchema("Body", "Request body, usually JSON; {{ cel }} placeholders allowed."),
      timeoutMs: {
        type: "integer",
        title: "Timeout (ms)",
        minimum: 100,
        maximum: 300000,
        default: 10000,
      },
      retry: {
        type: "object",
        title: "Retries",
        properties: {
          maxAttempts: { type: "integer", title: "Attempts", minimum: 1, maximum: 20 },
          backoffMs: { type: "integer", title: "First back-off (ms)", minimum: 0 },
          factor: { type: "number", title: "Back-off factor", minimum: 1 },
        },
        required: ["maxAttempts", "backoffMs"],
        additionalProperties: false,
      },
      idempotencyKey: templateSchema(
        "Idempotency key",
        "Sent as Idempotency-Key; by default derived from the request and step, same for every retry.",
      ),
      resultMapping: {
        type: "object",
        title: "Result mapping",
        description: "Variable name -> CEL over response ({status, body, headers}).",
        propertyNames: variableNameSchema("Variable", "Variable the value is stored in."),
        additionalProperties: expressionSchema("Value", "e.g. response.body.id"),
      },
    },
    required: ["method", "url"],
    additionalProperties: false,
  },
  uiSchema: {
    "ui:order": ["method", "url", "headers", "body", "resultMapping", "timeoutMs", "retry", "idempotencyKey"],
    url: { "ui:help": "{{ cel }} placeholders are URL-encoded." },
    headers: { "ui:help": "Keep secrets in server settings, not in definitions." },
    body: { "ui:widget": "textarea" },
    resultMapping: {
      "ui:help": "Each entry stores response data in a variable, e.g. ticketId: response.body.id",
      additionalProperties: { "ui:widget": "celExpression" },
    },
    timeoutMs: { "ui:help": "One attempt is abandoned after this long." },
    retry: {
      "ui:order": ["maxAttempts", "backoffMs", "factor"],
      "ui:help":
        "Wait backoff x factor^(attempt-1) between attempts. Draw a failure edge to handle a final failure; without it the request gets an incident an admin can retry.",
    },
    idempotencyKey: { "ui:help": "Lets the other system ignore a repeated call." },
  },
  defaults: {
    method: "GET",
    url: "https://",
    timeoutMs: 10000,
    retry: { maxAttempts: 3, backoffMs: 1000, factor: 2 },
  },
};
