import type { ApiContext } from "../api/api-context.ts";
import type { Operation } from "../api/operation.ts";
import { itemsOf } from "../api/shared-schemas.ts";
import { runCommand } from "../http/runtime-problem.ts";
import { ID_PARAMS } from "./runtime-route-schemas.ts";

const INCIDENT_SCHEMA = {
  type: "object",
  required: ["id", "instanceId", "status", "error"],
  properties: {
    id: { type: "string" },
    instanceId: { type: "string" },
    nodeId: { type: ["string", "null"] },
    tokenId: { type: ["string", "null"] },
    jobId: { type: ["string", "null"] },
    error: { type: "object" },
    status: { enum: ["open", "resolved"] },
    retryCount: { type: "integer" },
    createdAt: { type: "string" },
    resolvedAt: { type: ["string", "null"] },
  },
};

export const incidentOperations = (context: ApiContext): Operation[] => [
  {
    operationId: "listIncidents",
    method: "get",
    path: "/api/incidents",
    summary: "Open incidents: steps or jobs that failed for good and wait for an admin",
    tag: "incidents",
    query: {
      type: "object",
      properties: { limit: { type: "integer", minimum: 1, maximum: 200 } },
      additionalProperties: false,
    },
    responses: { "200": { description: "Open incidents.", schema: itemsOf(INCIDENT_SCHEMA) } },
    async handle(call) {
      const limit = (call.query.limit as number | undefined) ?? 100;
      const items = await context.store.transaction((tx) => tx.incidents.listOpen(limit));
      return { status: 200, body: { items } };
    },
  },
  {
    operationId: "retryIncident",
    method: "post",
    path: "/api/incidents/:id/retry",
    summary: "Retry what an incident stopped",
    tag: "incidents",
    params: ID_PARAMS,
    responses: {
      "200": { description: "The instance the retry moved on." },
      "409": { description: "The incident was already resolved." },
    },
    async handle(call) {
      const result = await runCommand(() =>
        context.runtime.retryIncident({
          incidentId: String(call.params.id),
          by: call.user?.username ?? "unknown",
        }),
      );
      context.committed(result);
      return {
        status: 200,
        body: {
          instanceId: result.instance.id,
          status: result.instance.status,
          version: result.instance.version,
        },
      };
    },
  },
];
