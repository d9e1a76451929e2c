import { HealthView } from "@flowdesk/core";
import type { ApiContext } from "../api/api-context.ts";
import { defineOperation, type Operation } from "../api/operation.ts";
import { HTTP_CODES, HttpProblem } from "../http/problem.ts";

export const healthOperations = (context: ApiContext): Operation[] => [
  defineOperation({
    operationId: "getHealth",
    method: "get",
    path: "/api/health",
    summary: "Whether the server can reach its database",
    tag: "system",
    responses: {
      "200": { description: "The database answered.", schema: HealthView },
      "503": { description: "The database did not answer." },
    },
    async handle() {
      try {
        await context.store.transaction((tx) => tx.sql.all("SELECT 1 AS ok"));
        return { status: 200, body: { status: "ok" }, headers: { "Cache-Control": "no-store" } };
      } catch (error) {
        context.log.error("health check: database unreachable", error);
        throw new HttpProblem(503, HTTP_CODES.unavailable, "The database is not reachable.");
      }
    },
  }),
];
