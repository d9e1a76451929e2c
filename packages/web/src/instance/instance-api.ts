import type { SlaState, WorkflowDefinition } from "@flowdesk/core";
import { api } from "../api/api-client.ts";
import type { HistoryEntry, InstanceStatus, TaskHead } from "../api/runtime-records.ts";

/* Typed calls of the instance view, on the shapes instance.routes.ts and incident.routes.ts answer. */

export type { InstanceStatus };

export interface InstanceSummary {
  id: string;
  definitionId: string;
  definitionVersion: number;
  status: InstanceStatus;
  version: number;
  businessKey: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface InstancePosition {
  nodeId: string;
  tokenId: string;
  waitsFor: string;
}

export interface HistoryRow extends HistoryEntry {
  instanceId: string;
  tokenId: string | null;
}

export interface InstanceTask extends TaskHead {
  state: "open" | "claimed" | "completed" | "cancelled";
  outcome: string | null;
  completedBy: string | null;
  createdAt: string;
}

export interface InstanceIncident {
  id: string;
  nodeId: string | null;
  status: "open" | "resolved";
  error: { message?: string; code?: string };
  retryCount: number;
  createdAt: string;
  resolvedAt: string | null;
}

export interface InstanceDetail extends InstanceSummary {
  requester: string;
  variables: Record<string, unknown>;
  positions: InstancePosition[];
  history: HistoryRow[];
  tasks: InstanceTask[];
  sla: SlaState | null;
  incidents: InstanceIncident[];
  /** Display names by user name: the requester, the history's actors, the tasks' people. */
  people: Record<string, string>;
}

const path = (id: string) => `/instances/${encodeURIComponent(id)}`;

export const instanceApi = {
  get: (id: string, signal?: AbortSignal) => api.request<InstanceDetail>("GET", path(id), undefined, signal),
  list: (query: { definition: string; status?: InstanceStatus; limit?: number }, signal?: AbortSignal) => {
    const params = new URLSearchParams({ definition: query.definition, limit: String(query.limit ?? 100) });
    if (query.status) params.set("status", query.status);
    return api.request<{ items: InstanceSummary[] }>("GET", `/instances?${params}`, undefined, signal);
  },
  cancel: (id: string, reason?: string) =>
    api.request<{ status: InstanceStatus }>("POST", `${path(id)}/cancel`, reason ? { reason } : {}),
  retryIncident: (incidentId: string) =>
    api.request<{ instanceId: string; status: InstanceStatus }>(
      "POST",
      `/incidents/${encodeURIComponent(incidentId)}/retry`,
    ),
  workflowVersion: (workflowId: string, version: number) =>
    api.version<WorkflowDefinition>("workflows", workflowId, version),
};
