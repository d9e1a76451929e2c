import type { JsonSchema } from "@flowdesk/core";
import { ID_PATTERN, RECORD_ID_SCHEMA } from "../api/shared-schemas.ts";

/** Schemas of the runtime resources (requests, instances, tasks, incidents, events), declared once. */
export const INSTANCE_STATUS_SCHEMA: JsonSchema = { enum: ["running", "completed", "cancelled"] };

export const PAGING_PROPERTIES: Record<string, JsonSchema> = {
  limit: { type: "integer", minimum: 1, maximum: 200 },
  offset: { type: "integer", minimum: 0, maximum: 1_000_000 },
};

export const ID_PARAMS: JsonSchema = {
  type: "object",
  required: ["id"],
  properties: { id: RECORD_ID_SCHEMA },
  additionalProperties: false,
};

/** Body of the cancel operations (a requester withdrawing a request, staff cancelling an instance). */
export const CANCEL_BODY: { schema: JsonSchema; required: boolean } = {
  schema: {
    type: "object",
    properties: { reason: { type: "string", maxLength: 2000 } },
    additionalProperties: false,
  },
  required: false,
};

/** The optional reason of a validated cancel body (absent when the body was). */
export const cancelReasonOf = (body: unknown): string | undefined =>
  (body as { reason?: string } | undefined)?.reason;

export const HISTORY_ENTRY_SCHEMA: JsonSchema = {
  type: "object",
  required: ["seq", "instanceId", "type", "at"],
  properties: {
    seq: { type: "integer" },
    instanceId: { type: "string" },
    type: { type: "string" },
    nodeId: { type: ["string", "null"] },
    tokenId: { type: ["string", "null"] },
    actor: { type: ["string", "null"] },
    data: {},
    at: { type: "string" },
  },
};

export const TASK_SCHEMA: JsonSchema = {
  type: "object",
  required: ["id", "instanceId", "nodeId", "kind", "state", "version"],
  properties: {
    id: { type: "string" },
    instanceId: { type: "string" },
    nodeId: { type: "string" },
    kind: { enum: ["task", "approval"] },
    title: { type: ["string", "null"] },
    assigneeUser: { type: ["string", "null"] },
    assigneeGroup: { type: ["string", "null"] },
    state: { enum: ["open", "claimed", "completed", "cancelled"] },
    form: { type: ["string", "null"] },
    data: {},
    outcome: { type: ["string", "null"] },
    completedBy: { type: ["string", "null"] },
    dueAt: { type: ["string", "null"] },
    version: { type: "integer" },
    createdAt: { type: "string" },
    updatedAt: { type: "string" },
  },
};

export const REQUEST_SCHEMA: JsonSchema = {
  type: "object",
  required: ["id", "catalogItemId", "status", "workflowId", "workflowVersion"],
  properties: {
    id: { type: "string" },
    title: { type: "string" },
    requester: { type: "string" },
    catalogItemId: { type: "string" },
    catalogItemVersion: { type: "integer" },
    formId: { type: "string" },
    formVersion: { type: "integer" },
    formHash: { type: "string" },
    workflowId: { type: "string" },
    workflowVersion: { type: "integer" },
    workflowHash: { type: "string" },
    status: INSTANCE_STATUS_SCHEMA,
    createdAt: { type: "string" },
    updatedAt: { type: "string" },
  },
};

export const SUBMIT_REQUEST_BODY: JsonSchema = {
  type: "object",
  required: ["catalogItemId", "data"],
  properties: {
    catalogItemId: { type: "string", pattern: ID_PATTERN },
    /** The form version the requester filled; default the newest published one. */
    formVersion: { type: "integer", minimum: 1 },
    data: { type: "object" },
  },
  additionalProperties: false,
};
