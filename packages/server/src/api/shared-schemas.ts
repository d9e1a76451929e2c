import type { JsonSchema } from "@flowdesk/core";

/** Schema pieces several operations share; each is declared once and used by validator and document alike. */
export const PROBLEM_ITEM_SCHEMA: JsonSchema = {
  type: "object",
  required: ["code", "severity", "pointer", "message"],
  properties: {
    code: { type: "string" },
    severity: { enum: ["error", "warning"] },
    pointer: { type: "string" },
    message: { type: "string" },
    file: { type: "string" },
    params: {
      description:
        "The variable parts of the message (node ids, names, suggestions), for clients that translate it by code.",
      type: "object",
      additionalProperties: { type: ["string", "number"] },
    },
  },
};

export const PROBLEM_SCHEMA: JsonSchema = {
  type: "object",
  required: ["type", "title", "status", "detail", "code"],
  properties: {
    type: { type: "string" },
    title: { type: "string" },
    status: { type: "integer" },
    detail: { type: "string" },
    code: { type: "string" },
    problems: { type: "array", items: PROBLEM_ITEM_SCHEMA },
  },
};

export const ID_PATTERN = "^[a-z][a-z0-9-]{0,99}$";

/** A definition id or group id in a path: a slug. */
export const SLUG_SCHEMA: JsonSchema = { type: "string", pattern: ID_PATTERN };

/** Generated record ids (users): uuid-like, no surprises in a path. */
export const RECORD_ID_SCHEMA: JsonSchema = { type: "string", pattern: "^[A-Za-z0-9-]{1,64}$" };

export const pathParams = (properties: Record<string, JsonSchema>): JsonSchema => ({
  type: "object",
  required: Object.keys(properties),
  properties,
  additionalProperties: false,
});

export const PAGE_QUERY: JsonSchema = {
  type: "object",
  properties: {
    limit: { type: "integer", minimum: 1, maximum: 200 },
    offset: { type: "integer", minimum: 0, maximum: 1_000_000 },
  },
  additionalProperties: false,
};

export const SEARCH_QUERY: JsonSchema = {
  type: "object",
  properties: {
    q: { type: "string", maxLength: 100 },
    limit: { type: "integer", minimum: 1, maximum: 50 },
  },
  additionalProperties: false,
};

export const USER_SCHEMA: JsonSchema = {
  type: "object",
  required: ["id", "username", "displayName", "roles", "groups"],
  properties: {
    id: { type: "string" },
    username: { type: "string" },
    displayName: { type: "string" },
    email: { type: ["string", "null"] },
    disabled: { type: "boolean" },
    roles: { type: "array", items: { type: "string" } },
    groups: { type: "array", items: { type: "string" } },
  },
};

export const itemsOf = (item: JsonSchema): JsonSchema => ({
  type: "object",
  required: ["items"],
  properties: { items: { type: "array", items: item } },
});

export const PROBLEMS_RESPONSE: JsonSchema = {
  type: "object",
  required: ["problems"],
  properties: { problems: { type: "array", items: PROBLEM_ITEM_SCHEMA } },
};
