import type {
  HistoryEntryView,
  IncidentRetried,
  IncidentView,
  InstanceDetail as InstanceDetailView,
  InstanceMoved,
  InstancePage,
  InstanceSummaryView,
  TaskView,
  WaitPosition,
  WorkflowDefinition,
} from "@flowdesk/core";
import { api } from "../api/api-client.ts";
import type { InstanceStatus } from "../api/runtime-records.ts";

/* Typed calls of the instance view, on the shapes instance.routes.ts and incident.routes.ts answer. */

export type { InstanceStatus };

/* The payloads are the API contract's (@flowdesk/core); these are the names the instance view uses. */
export type InstanceSummary = InstanceSummaryView;
export type InstancePosition = WaitPosition;
export type HistoryRow = HistoryEntryView;
export type InstanceTask = TaskView;
export type InstanceIncident = IncidentView;
export type InstanceDetail = InstanceDetailView;

const path = (id: string) => `/instances/${encodeURIComponent(id)}`;

export const instanceApi = {
  get: (id: string, signal?: AbortSignal) => api.request<InstanceDetail>("GET", path(id), undefined, signal),
  list: (query: { definition: string; status?: InstanceStatus; limit?: number }, signal?: AbortSignal) => {
    const params = new URLSearchParams({ definition: query.definition, limit: String(query.limit ?? 100) });
    if (query.status) params.set("status", query.status);
    return api.request<InstancePage>("GET", `/instances?${params}`, undefined, signal);
  },
  cancel: (id: string, reason?: string) =>
    api.request<InstanceMoved>("POST", `${path(id)}/cancel`, reason ? { reason } : {}),
  retryIncident: (incidentId: string) =>
    api.request<IncidentRetried>("POST", `/incidents/${encodeURIComponent(incidentId)}/retry`),
  workflowVersion: (workflowId: string, version: number) =>
    api.version<WorkflowDefinition>("workflows", workflowId, version),
};
