import type { WorkflowDefinition } from "@flowdesk/core";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { routeHref } from "../app/hash-route.ts";
import type { InstanceSummary } from "../instance/instance-api.ts";
import { formatDateTime, formatNumber } from "../ui/format.ts";
import { EmptyState } from "../ui/StateViews.tsx";
import { WorkflowPicture } from "../workflow-picture/WorkflowPicture.tsx";
import { ChosenInstance, useChosenInstance } from "./ChosenInstance.tsx";
import type { NewestVersion, WorkflowPositions } from "./live-api.ts";

interface Props {
  workflowId: string;
  newest: NewestVersion;
  positions: WorkflowPositions;
  running: readonly InstanceSummary[];
  refreshedAt: number | undefined;
}

const NO_COUNTS: Record<string, number> = {};

export const LiveWorkflowView = ({ workflowId, newest, positions, running, refreshedAt }: Props) => {
  const { t } = useTranslation();
  const [chosenId, setChosenId] = useState<string>();
  const chosen = useChosenInstance(chosenId, newest);
  // A chosen instance on an older version is drawn on that version, with that version's counts.
  const drawn: { version: number; definition: WorkflowDefinition } =
    chosen.status === "ready" && chosen.data ? chosen.data.drawn : newest;
  const counts = useMemo(
    () => positions.versions.find((entry) => entry.version === drawn.version)?.nodes ?? NO_COUNTS,
    [positions, drawn.version],
  );
  const olderRunning = positions.versions
    .filter((entry) => entry.version !== newest.version)
    .reduce((sum, entry) => sum + entry.running, 0);

  return (
    <div className="live-screen">
      <header className="live-screen__header">
        <div>
          <h1>{t("overlay.title", { title: newest.definition.title })}</h1>
          <p className="live-screen__meta">
            <span data-testid="live-running-total">
              {t("overlay.runningTotal", {
                count: positions.running,
                formatted: formatNumber(positions.running),
              })}
            </span>
            <span>{t("overlay.newestVersion", { version: newest.version })}</span>
            {olderRunning > 0 ? (
              <span>
                {t("overlay.olderRunning", { count: olderRunning, formatted: formatNumber(olderRunning) })}
              </span>
            ) : null}
            {refreshedAt ? (
              <span role="status" aria-live="polite">
                {t("overlay.updatedAt", { at: formatDateTime(new Date(refreshedAt).toISOString()) })}
              </span>
            ) : null}
          </p>
        </div>
        <a className="button" href={routeHref({ screen: "workflows", id: workflowId })}>
          {t("overlay.openDesigner")}
        </a>
      </header>
      {positions.truncated ? <p className="notice notice--warning">{t("overlay.truncated")}</p> : null}
      <div className="live-screen__body">
        <section className="live-screen__picture" aria-labelledby="live-picture-title">
          <h2 id="live-picture-title">
            {chosenId
              ? t("overlay.pictureChosen", { id: chosenId })
              : t("overlay.pictureCounts", { version: drawn.version })}
          </h2>
          <WorkflowPicture
            definition={drawn.definition}
            version={drawn.version}
            label={t("overlay.pictureLabel", { title: drawn.definition.title, version: drawn.version })}
            counts={counts}
            {...(chosen.status === "ready" && chosen.data
              ? { path: chosen.data.path, current: chosen.data.current }
              : {})}
            emptyText={t("overlay.nothingRunning")}
          />
        </section>
        <aside className="live-screen__side" aria-labelledby="live-running-title">
          {chosenId ? (
            <ChosenInstance chosen={chosen} instanceId={chosenId} onClose={() => setChosenId(undefined)} />
          ) : null}
          <h2 id="live-running-title">{t("overlay.running.title")}</h2>
          {running.length === 0 ? (
            <EmptyState title={t("overlay.nothingRunning")} />
          ) : (
            <ul className="live-instance-list" data-testid="live-instances">
              {running.map((instance) => (
                <li key={instance.id}>
                  <button
                    type="button"
                    className={`live-instance${instance.id === chosenId ? " is-chosen" : ""}`}
                    aria-pressed={instance.id === chosenId}
                    onClick={() => setChosenId(instance.id === chosenId ? undefined : instance.id)}
                  >
                    <span className="live-instance__id">{instance.businessKey ?? instance.id}</span>
                    <span className="live-instance__meta">
                      {t("overlay.running.started", { at: formatDateTime(instance.createdAt) })} ·{" "}
                      {t("overlay.running.version", { version: instance.definitionVersion })}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </aside>
      </div>
    </div>
  );
};
