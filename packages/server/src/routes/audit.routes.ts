import type { JsonSchema } from "@flowdesk/core";
import type { AuditFilter } from "@flowdesk/store";
import type { ApiContext } from "../api/api-context.ts";
import type { Operation } from "../api/operation.ts";
import { itemsOf, PAGE_QUERY } from "../api/shared-schemas.ts";

const AUDIT_QUERY: JsonSchema = {
  type: "object",
  properties: {
    ...(PAGE_QUERY.properties as Record<string, JsonSchema>),
    actor: { type: "string", minLength: 1, maxLength: 64, description: "User name of who acted, exactly." },
    action: {
      type: "string",
      minLength: 1,
      maxLength: 100,
      description: 'The action or its start: "user." finds every user change.',
    },
    from: { type: "string", format: "date-time", description: "Entries at or after this instant." },
    to: { type: "string", format: "date-time", description: "Entries before this instant." },
  },
  additionalProperties: false,
};

/** Stored times are ISO strings in UTC; an instant with an offset is turned into one so they compare. */
const instant = (value: unknown): string | undefined =>
  typeof value === "string" ? new Date(value).toISOString() : undefined;

const filterOf = (query: Record<string, unknown>): AuditFilter => {
  const filter: AuditFilter = {};
  if (typeof query.actor === "string") filter.actor = query.actor;
  if (typeof query.action === "string") filter.actionPrefix = query.action;
  const from = instant(query.from);
  const to = instant(query.to);
  if (from) filter.from = from;
  if (to) filter.to = to;
  return filter;
};

export const auditOperations = (context: ApiContext): Operation[] => [
  {
    operationId: "listAuditLog",
    method: "get",
    path: "/api/audit-log",
    summary: "The audit log, newest first, optionally filtered by actor, action and time",
    tag: "audit",
    query: AUDIT_QUERY,
    responses: {
      "200": {
        description: "A page of entries.",
        schema: itemsOf({
          type: "object",
          properties: {
            seq: { type: "integer" },
            at: { type: "string" },
            actor: { type: ["string", "null"] },
            action: { type: "string" },
            targetType: { type: "string" },
            targetId: { type: ["string", "null"] },
            ip: { type: ["string", "null"] },
            details: {},
          },
        }),
      },
    },
    async handle(call) {
      const limit = (call.query.limit as number | undefined) ?? 50;
      const offset = (call.query.offset as number | undefined) ?? 0;
      const filter = filterOf(call.query);
      const body = await context.store.transaction(async (tx) => ({
        items: await tx.audit.list({ limit, offset }, filter),
        total: await tx.audit.count(filter),
        limit,
        offset,
      }));
      return { status: 200, body };
    },
  },
];
