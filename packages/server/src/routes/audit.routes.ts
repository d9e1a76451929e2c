import { AuditPage, AuditQuery } from "@flowdesk/core";
import type { AuditFilter } from "@flowdesk/store";
import type { ApiContext } from "../api/api-context.ts";
import { defineOperation, type Operation } from "../api/operation.ts";

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
  defineOperation({
    operationId: "listAuditLog",
    method: "get",
    path: "/api/audit-log",
    summary: "The audit log, newest first, optionally filtered by actor, action and time",
    tag: "audit",
    query: AuditQuery,
    responses: {
      "200": {
        description: "A page of entries.",
        schema: AuditPage,
      },
    },
    async handle(call) {
      const limit = call.query.limit ?? 50;
      const offset = call.query.offset ?? 0;
      const filter = filterOf(call.query);
      const body = await context.store.transaction(async (tx) => ({
        items: await tx.audit.list({ limit, offset }, filter),
        total: await tx.audit.count(filter),
        limit,
        offset,
      }));
      return { status: 200, body };
    },
  }),
];
