import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/api-error.ts";
import { formatDateTime } from "../ui/format.ts";
import { InstanceCard } from "./InstanceCard.tsx";
import { type InstanceIncident, instanceApi } from "./instance-api.ts";

interface Props {
  incidents: readonly InstanceIncident[];
  stepName: (nodeId: string | null) => string;
  /** Only roles the policy lets retry (admins) see the button; the API refuses everyone else. */
  mayRetry: boolean;
  onRetried: () => void;
}

/** Steps that failed for good, newest first, and a way to run them again. */
export const InstanceIncidents = ({ incidents, stepName, mayRetry, onRetried }: Props) => {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<string>();
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string }>();
  const newestFirst = [...incidents].reverse();

  const retry = async (incident: InstanceIncident) => {
    setBusy(incident.id);
    setMessage(undefined);
    try {
      await instanceApi.retryIncident(incident.id);
      setMessage({
        tone: "success",
        text: t("instance.incidents.retried", { step: stepName(incident.nodeId) }),
      });
      onRetried();
    } catch (error) {
      setMessage({
        tone: "error",
        text: error instanceof ApiError ? error.message : t("common.unreachable"),
      });
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <InstanceCard
      part="incidents"
      title={t("instance.incidents.title")}
      emptyText={newestFirst.length === 0 ? t("instance.incidents.none") : undefined}
      notice={
        message ? (
          <p className={`notice notice--${message.tone}`} role="status">
            {message.text}
          </p>
        ) : null
      }
    >
      <ul className="incident-list">
        {newestFirst.map((incident) => (
          <li key={incident.id} className={`incident incident--${incident.status}`}>
            <p className="incident__head">
              <strong>{stepName(incident.nodeId)}</strong>
              <span
                className={`status-pill status-pill--${incident.status === "open" ? "failed" : "completed"}`}
              >
                {t(`instance.incidents.status.${incident.status}`)}
              </span>
            </p>
            <p className="incident__error">{incident.error.message ?? incident.error.code ?? ""}</p>
            <p className="incident__when">
              {incident.status === "open"
                ? t("instance.incidents.openedAt", { at: formatDateTime(incident.createdAt) })
                : t("instance.incidents.resolvedAt", { at: formatDateTime(incident.resolvedAt) })}
              {incident.retryCount > 0
                ? ` · ${t("instance.incidents.retries", { count: incident.retryCount })}`
                : ""}
            </p>
            {incident.status === "open" && mayRetry ? (
              <button
                type="button"
                className="button primary"
                disabled={busy !== undefined}
                onClick={() => retry(incident)}
              >
                {t("instance.incidents.retry")}
              </button>
            ) : null}
            {incident.status === "open" && !mayRetry ? (
              <p className="instance-card__hint">{t("instance.incidents.adminRetries")}</p>
            ) : null}
          </li>
        ))}
      </ul>
    </InstanceCard>
  );
};
