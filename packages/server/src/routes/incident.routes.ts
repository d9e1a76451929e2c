import { IncidentList, IncidentListQuery, IncidentRetried, RecordIdParams } from "@flowdesk/core";
import type { ApiContext } from "../api/api-context.ts";
import { defineOperation, type Operation } from "../api/operation.ts";
import { COMMAND_REFUSALS } from "../api/standard-responses.ts";
import { runCommand } from "../http/runtime-problem.ts";

export const incidentOperations = (context: ApiContext): Operation[] => [
  defineOperation({
    operationId: "listIncidents",
    method: "get",
    path: "/api/incidents",
    summary: "Open incidents: steps or jobs that failed for good and wait for an admin",
    tag: "incidents",
    query: IncidentListQuery,
    responses: { "200": { description: "Open incidents.", schema: IncidentList } },
    async handle(call) {
      const limit = call.query.limit ?? 100;
      const items = await context.store.transaction((tx) => tx.incidents.listOpen(limit));
      return { status: 200, body: { items } };
    },
  }),
  defineOperation({
    operationId: "retryIncident",
    method: "post",
    path: "/api/incidents/:id/retry",
    summary: "Retry what an incident stopped",
    tag: "incidents",
    params: RecordIdParams,
    responses: {
      ...COMMAND_REFUSALS,
      "200": { description: "The instance the retry moved on.", schema: IncidentRetried },
      "409": { description: "The incident was already resolved." },
    },
    async handle(call) {
      const result = await runCommand(() =>
        context.runtime.retryIncident({
          incidentId: call.params.id,
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
  }),
];
