import { useState } from "react";
import { useTranslation } from "react-i18next";
import { routeHref } from "../app/hash-route.ts";
import { useLiveRefresh } from "../live/live-context.tsx";
import { formatDateTime } from "../ui/format.ts";
import { EmptyState, ErrorState, LoadingState } from "../ui/StateViews.tsx";
import { useResource } from "../ui/use-resource.ts";
import { portalApi, type RequestStatus } from "./portal-api.ts";
import { StatusBadge } from "./StatusBadge.tsx";

const FILTERS: (RequestStatus | "all")[] = ["all", "running", "completed", "cancelled"];

/** The requester's own requests, newest first, filtered by status; they change state live. */
export const MyRequests = () => {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<RequestStatus | "all">("all");
  const loaded = useResource(
    async (signal) => ({
      filter,
      ...(await portalApi.myRequests(filter === "all" ? undefined : filter, signal)),
    }),
    filter,
  );
  // The render right after a filter change still holds the previous filter's rows; they are not shown.
  const current = loaded.data?.filter === filter;
  const rows = current ? loaded.data?.items : undefined;
  const listState = loaded.status === "error" ? "error" : current ? "ready" : "loading";
  // The server pushes request.status to the requester's own room.
  useLiveRefresh("request.status", loaded.reload);

  return (
    <div className="portal portal--requests">
      <header className="portal-page-header">
        <h1>{t("portal.requests.title")}</h1>
        <a className="button primary" href={routeHref({ screen: "catalog" })}>
          {t("portal.requests.newRequest")}
        </a>
      </header>
      <fieldset className="filter-chips">
        <legend className="visually-hidden">{t("portal.requests.filterLegend")}</legend>
        {FILTERS.map((status) => (
          <label key={status} className={`filter-chip${filter === status ? " filter-chip--on" : ""}`}>
            <input
              type="radio"
              name="request-status"
              value={status}
              checked={filter === status}
              onChange={() => setFilter(status)}
            />
            {t(`portal.requests.filter.${status}`)}
          </label>
        ))}
      </fieldset>
      {listState === "loading" ? <LoadingState label={t("portal.requests.loading")} /> : null}
      {loaded.status === "error" ? <ErrorState error={loaded.error} onRetry={loaded.reload} /> : null}
      {listState === "ready" && rows?.length === 0 ? (
        <EmptyState title={t(filter === "all" ? "portal.requests.empty" : "portal.requests.emptyFiltered")}>
          <a href={routeHref({ screen: "catalog" })}>{t("common.backToCatalog")}</a>
        </EmptyState>
      ) : null}
      {rows !== undefined && rows.length > 0 ? (
        <table className="data-table requests-table">
          <caption className="visually-hidden">{t("portal.requests.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("portal.requests.columns.title")}</th>
              <th scope="col">{t("portal.requests.columns.status")}</th>
              <th scope="col">{t("portal.requests.columns.submitted")}</th>
              <th scope="col">{t("portal.requests.columns.updated")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((request) => (
              <tr key={request.id}>
                <td data-label={t("portal.requests.columns.title")}>
                  <a href={routeHref({ screen: "requests", id: request.id })}>{request.title}</a>
                </td>
                <td data-label={t("portal.requests.columns.status")}>
                  <StatusBadge status={request.status} />
                </td>
                <td data-label={t("portal.requests.columns.submitted")}>
                  {formatDateTime(request.createdAt)}
                </td>
                <td data-label={t("portal.requests.columns.updated")}>{formatDateTime(request.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
};
