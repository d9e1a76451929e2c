import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { routeHref } from "../app/hash-route.ts";
import { type LivePayload, useLiveRefresh, useLiveRoom } from "../live/live-context.tsx";
import { formatDateTime } from "../ui/format.ts";
import { ErrorState, LoadingState } from "../ui/StateViews.tsx";
import { useResource } from "../ui/use-resource.ts";
import { CancelRequestDialog } from "./CancelRequestDialog.tsx";
import { portalApi } from "./portal-api.ts";
import { RequestTimeline } from "./RequestTimeline.tsx";
import { buildTimeline, slaDue, waitingOn } from "./request-timeline.ts";
import { StatusBadge } from "./StatusBadge.tsx";

/** Whether an event is about this request: by its request id, its instance id or a task of it. */
const concerns = (requestId: string) => (payload: LivePayload) => {
  if ("task" in payload) return payload.task.instanceId === requestId;
  if ("requestId" in payload) return payload.requestId === requestId;
  return "instanceId" in payload && payload.instanceId === requestId;
};

/** One request: its state, who it waits for, its SLA due date and its timeline, all live. */
export const RequestPage = ({ requestId }: { requestId: string }) => {
  const { t } = useTranslation();
  const request = useResource((signal) => portalApi.request(requestId, signal), requestId);
  const [confirming, setConfirming] = useState(false);
  useLiveRoom({ instanceId: requestId });
  useLiveRefresh(
    ["request.status", "instance.updated", "task.created", "task.updated", "sla.warning", "sla.breached"],
    request.reload,
    concerns(requestId),
  );
  const timeline = useMemo(() => (request.data ? buildTimeline(request.data) : []), [request.data]);

  const back = (
    <nav className="portal-breadcrumb" aria-label={t("portal.breadcrumb")}>
      <a href={routeHref({ screen: "requests" })}>{t("portal.requests.title")}</a>
    </nav>
  );
  if (request.status === "loading") return <LoadingState label={t("portal.request.loading")} />;
  if (request.data === undefined) {
    return (
      <div className="portal">
        {back}
        <ErrorState error={request.error} onRetry={request.reload} />
      </div>
    );
  }
  const detail = request.data;
  const waiting = waitingOn(detail);
  const due = slaDue(detail);
  return (
    <div className="portal portal--request">
      {back}
      {request.status === "error" ? (
        <p className="notice notice--error" role="alert">
          {t("portal.request.stale")}
        </p>
      ) : null}
      <header className="request-header">
        <div className="request-header__main">
          <h1>{detail.title}</h1>
          <StatusBadge status={detail.status} />
        </div>
        {detail.mayCancel ? (
          <button type="button" className="button" onClick={() => setConfirming(true)}>
            {t("portal.request.cancel")}
          </button>
        ) : null}
      </header>
      <dl className="request-facts">
        <div>
          <dt>{t("portal.request.submitted")}</dt>
          <dd>{formatDateTime(detail.createdAt)}</dd>
        </div>
        <div>
          <dt>{t("portal.request.updated")}</dt>
          <dd>{formatDateTime(detail.updatedAt)}</dd>
        </div>
        <div>
          <dt>{t("portal.request.slaDue")}</dt>
          <dd>
            {due === undefined ? (
              t("portal.request.noSla")
            ) : (
              <span className={`sla-due sla-due--${due.standing}`}>
                {t(due.standing === "breached" ? "portal.request.slaBreachedAt" : "portal.request.slaDueAt", {
                  clock: t(`portal.sla.${due.clock}`),
                  at: formatDateTime(due.dueAt),
                })}
                {due.standing === "paused" ? ` ${t("portal.request.slaPaused")}` : ""}
              </span>
            )}
          </dd>
        </div>
        <div>
          <dt>{t("portal.request.reference")}</dt>
          <dd className="request-facts__id">{detail.id}</dd>
        </div>
      </dl>
      {waiting.length > 0 ? (
        <section className="portal-card" aria-labelledby="waiting-title">
          <h2 id="waiting-title" className="portal-card__title">
            {t("portal.request.waitingTitle")}
          </h2>
          <ul className="waiting-list">
            {waiting.map((task) => (
              <li key={task.key}>
                <span className="waiting-list__step">{task.step}</span>{" "}
                <span className="muted">
                  {task.user
                    ? t(task.approval ? "portal.request.approverIs" : "portal.request.assigneeIs", {
                        who: task.user,
                      })
                    : t("portal.request.groupIs", { who: task.group ?? "" })}
                </span>
                {task.dueAt ? (
                  <span className="muted">
                    {" "}
                    · {t("portal.request.taskDue", { at: formatDateTime(task.dueAt) })}
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section className="portal-card" aria-labelledby="timeline-title">
        <h2 id="timeline-title" className="portal-card__title">
          {t("portal.request.timelineTitle")}
        </h2>
        <RequestTimeline entries={timeline} />
      </section>
      {confirming ? (
        <CancelRequestDialog
          requestId={detail.id}
          title={detail.title}
          onClose={() => setConfirming(false)}
          onCancelled={() => {
            setConfirming(false);
            request.reload();
          }}
        />
      ) : null}
    </div>
  );
};
