import type {
  CatalogCategoryList,
  CatalogCategoryView,
  CatalogItemList,
  CatalogItemView,
  FormDefinition,
  Problem,
  RequestClock,
  RequestDetail as RequestDetailView,
  RequestPage,
  RequestView,
  SubmitRequestBody,
  TaskView,
} from "@flowdesk/core";
import { api } from "../api/api-client.ts";
import type { HistoryEntry, InstanceStatus } from "../api/runtime-records.ts";

/* Typed calls of the service portal: catalog, forms, the requester's own requests. */

/* The payloads are the API contract's (@flowdesk/core); these are the names the portal uses. */
export type CatalogCategory = CatalogCategoryView;
export type CatalogItem = CatalogItemView;
/** A request is the instance its workflow runs, so it has the instance's status. */
export type RequestStatus = InstanceStatus;
export type RequestSummary = RequestView;
export type { HistoryEntry };
export type OpenTask = TaskView;
export type SlaClockView = RequestClock;
export type RequestDetail = RequestDetailView;

export interface PublishedForm {
  definition: FormDefinition;
  version: number;
}

const path = (id: string) => encodeURIComponent(id);

export const portalApi = {
  categories: (signal?: AbortSignal) =>
    api.request<CatalogCategoryList>("GET", "/catalog/categories", undefined, signal),
  items: (signal?: AbortSignal) => api.request<CatalogItemList>("GET", "/catalog/items", undefined, signal),
  /** The form version the catalog names: the one a new request is checked against. */
  form: (formId: string, version: number, signal?: AbortSignal) =>
    api.request<PublishedForm>("GET", `/forms/${path(formId)}/versions/${version}`, undefined, signal),
  submit: (body: SubmitRequestBody) => api.request<RequestSummary>("POST", "/requests", body),
  myRequests: (status: RequestStatus | undefined, signal?: AbortSignal) =>
    api.request<RequestPage>(
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
