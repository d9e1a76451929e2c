import type { ApiContext } from "../api/api-context.ts";
import type { Operation } from "../api/operation.ts";
import { itemsOf, PAGE_QUERY } from "../api/shared-schemas.ts";

export const auditOperations = (context: ApiContext): Operation[] => [
  {
    operationId: "listAuditLog",
    method: "get",
    path: "/api/audit-log",
    summary: "The audit log, newest first",
    tag: "audit",
    query: PAGE_QUERY,
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
      const body = await context.store.transaction(async (tx) => ({
        items: await tx.audit.list({ limit, offset }),
        total: await tx.audit.count(),
        limit,
        offset,
      }));
      return { status: 200, body };
    },
  },
];
