import { useId } from "react";
import { useTranslation } from "react-i18next";
import { formatDateTime, formatNumber, formatRelative } from "../ui/format.ts";
import { EmptyState } from "../ui/StateViews.tsx";
import type { WaitingInstance } from "./live-api.ts";

interface Props {
  /** Running instances, the longest waiting first. */
  instances: readonly WaitingInstance[];
  /** How many run in all (the server lists the longest waiting few hundred). */
  running: number;
  people: Readonly<Record<string, string>>;
  /** Steps instances wait at, with how many wait there, in the workflow's order. */
  steps: readonly { nodeId: string; name: string; count: number }[];
  stepName: (nodeId: string) => string;
  /** Only instances waiting at this step are listed. */
  step: string | undefined;
  onStep: (nodeId: string | undefined) => void;
  chosenId: string | undefined;
  onChoose: (instanceId: string | undefined) => void;
}

/**
 * The running instances a process owner goes through: what was asked and by whom, where it
 * waits and since when, and its SLA standing; the longest waiting first, filtered by step.
 */
export const WaitingList = ({
  instances,
  running,
  people,
  steps,
  stepName,
  step,
  onStep,
  chosenId,
  onChoose,
}: Props) => {
  const { t } = useTranslation();
  const filterId = useId();
  // A picked step everyone has since left stays offered (with 0) until the reader picks another.
  const options =
    step === undefined || steps.some((entry) => entry.nodeId === step)
      ? steps
      : [...steps, { nodeId: step, name: stepName(step), count: 0 }];
  const shown =
    step === undefined
      ? instances
      : instances.filter((instance) => instance.waiting.some((entry) => entry.nodeId === step));
  return (
    <section className="live-waiting" aria-labelledby="live-running-title">
      <h2 id="live-running-title">{t("overlay.running.title")}</h2>
      {instances.length === 0 ? (
        <EmptyState title={t("overlay.nothingRunning")} />
      ) : (
        <>
          <div className="field live-waiting__filter">
            <label htmlFor={filterId}>{t("overlay.running.filterLabel")}</label>
            <select
              id={filterId}
              value={step ?? ""}
              onChange={(event) => onStep(event.target.value === "" ? undefined : event.target.value)}
              data-testid="live-step-filter"
            >
              <option value="">{t("overlay.running.allSteps", { formatted: formatNumber(running) })}</option>
              {options.map((entry) => (
                <option key={entry.nodeId} value={entry.nodeId}>
                  {t("overlay.running.stepOption", {
                    name: entry.name,
                    formatted: formatNumber(entry.count),
                  })}
                </option>
              ))}
            </select>
          </div>
          <p className="live-waiting__count" role="status" data-testid="live-waiting-count">
            {step === undefined
              ? t("overlay.running.order")
              : t("overlay.running.filtered", {
                  count: shown.length,
                  formatted: formatNumber(shown.length),
                  step: stepName(step),
                })}
          </p>
          <ul className="live-instance-list" data-testid="live-instances">
            {shown.map((instance) => (
              <li key={instance.id}>
                <WaitingRow
                  instance={instance}
                  requesterName={people[instance.requester] ?? instance.requester}
                  stepName={stepName}
                  chosen={instance.id === chosenId}
                  onChoose={() => onChoose(instance.id === chosenId ? undefined : instance.id)}
                />
              </li>
            ))}
          </ul>
          {running > instances.length ? (
            <p className="live-waiting__count">
              {t("overlay.running.onlyLongest", {
                listed: formatNumber(instances.length),
                running: formatNumber(running),
              })}
            </p>
          ) : null}
        </>
      )}
    </section>
  );
};

const WaitingRow = ({
  instance,
  requesterName,
  stepName,
  chosen,
  onChoose,
}: {
  instance: WaitingInstance;
  requesterName: string;
  stepName: (nodeId: string) => string;
  chosen: boolean;
  onChoose: () => void;
}) => {
  const { t } = useTranslation();
  const now = Date.now();
  const headline = instance.summary ?? instance.title ?? instance.id;
  const steps = [...new Set(instance.waiting.map((entry) => stepName(entry.nodeId)))].join(", ");
  return (
    <button
      type="button"
      className={`live-instance${chosen ? " is-chosen" : ""}`}
      aria-pressed={chosen}
      onClick={onChoose}
      data-testid={`live-instance-${instance.id}`}
    >
      <span className="live-instance__title">{headline}</span>
      <span className="live-instance__meta">
        {instance.summary && instance.title ? `${instance.title} · ` : ""}
        {t("overlay.running.requestedBy", { name: requesterName })}
      </span>
      <span className="live-instance__where">
        {instance.waiting.length === 0 ? (
          t("overlay.running.moving")
        ) : (
          <>
            {t("overlay.running.waitsAt", { steps })}{" "}
            <time dateTime={instance.waitingSince} title={formatDateTime(instance.waitingSince)}>
              {t("overlay.running.since", { ago: formatRelative(instance.waitingSince, now) })}
            </time>
          </>
        )}
      </span>
      <span className="live-instance__meta">
        {instance.sla ? (
          <span className={`live-sla live-sla--${instance.sla.state}`}>
            {t(`overlay.running.sla.${instance.sla.state}`, { priority: instance.sla.priority })}
            {instance.sla.dueAt && instance.sla.state !== "breached"
              ? ` · ${t("overlay.running.sla.due", { at: formatRelative(instance.sla.dueAt, now) })}`
              : ""}
          </span>
        ) : null}
        <span className="live-instance__id">{instance.id}</span>
      </span>
    </button>
  );
};
