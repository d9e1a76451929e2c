import type { FormDefinition, Problem } from "@flowdesk/core";
import { api } from "../api/api-client.ts";
import type { HistoryEntry, InstanceStatus, TaskHead } from "../api/runtime-records.ts";

/* Typed calls of the service portal: catalog, forms, the requester's own requests. */

export interface CatalogCategory {
  id: string;
  title: string;
  description?: string;
  icon?: string;
  order: number;
}

export interface CatalogItem {
  id: string;
  title: string;
  description?: string;
  category: string;
  form: string;
  /** The form's newest published version; null while the form is unpublished. */
  formVersion: number | null;
  workflow: string;
  icon?: string;
  tags: string[];
  version: number;
}

/** A request is the instance its workflow runs, so it has the instance's status. */
export type RequestStatus = InstanceStatus;

export interface RequestSummary {
  id: string;
  title: string;
  requester: string;
  catalogItemId: string;
  formId: string;
  formVersion: number;
  status: RequestStatus;
  createdAt: string;
  updatedAt: string;
}

export type { HistoryEntry };

export interface OpenTask extends TaskHead {
  state: string;
}

export interface SlaClockView {
  clock: "response" | "resolution";
  status: "running" | "paused" | "stopped";
  dueAt: string | null;
  stoppedAt: string | null;
  breached: boolean;
}

export interface RequestDetail extends RequestSummary {
  timeline: HistoryEntry[];
  openTasks: OpenTask[];
  steps: Record<string, { name: string; type: string }>;
  sla: { priority: string; paused: boolean; clocks: SlaClockView[] } | null;
  mayCancel: boolean;
  /** Display names by user name, for everyone the timeline and open tasks name. */
  people: Record<string, string>;
}

export interface PublishedForm {
  definition: FormDefinition;
  version: number;
}

const path = (id: string) => encodeURIComponent(id);

export const portalApi = {
  categories: (signal?: AbortSignal) =>
    api.request<{ items: CatalogCategory[] }>("GET", "/catalog/categories", undefined, signal),
  items: (signal?: AbortSignal) =>
    api.request<{ items: CatalogItem[] }>("GET", "/catalog/items", undefined, signal),
  /** The form version the catalog names: the one a new request is checked against. */
  form: (formId: string, version: number, signal?: AbortSignal) =>
    api.request<PublishedForm>("GET", `/forms/${path(formId)}/versions/${version}`, undefined, signal),
  submit: (body: { catalogItemId: string; formVersion: number; data: unknown }) =>
    api.request<RequestSummary>("POST", "/requests", body),
  myRequests: (status: RequestStatus | undefined, signal?: AbortSignal) =>
    api.request<{ items: RequestSummary[] }>(
      "GET",
      status === undefined ? "/requests?limit=200" : `/requests?limit=200&status=${status}`,
      undefined,
      signal,
    ),
  request: (id: string, signal?: AbortSignal) =>
    api.request<RequestDetail>("GET", `/requests/${path(id)}`, undefined, signal),
  cancel: (id: string, reason?: string) =>
    api.request<RequestSummary>(
      "POST",
      `/requests/${path(id)}/cancel`,
      reason === undefined ? {} : { reason },
    ),
};

export type { Problem };
