import type { WorkflowDefinition } from "@flowdesk/core";
import { useCallback, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { routeHref } from "../app/hash-route.ts";
import { formatDateTime, formatNumber } from "../ui/format.ts";
import { WorkflowPicture } from "../workflow-picture/WorkflowPicture.tsx";
import { ChosenInstance, useChosenInstance } from "./ChosenInstance.tsx";
import type { NewestVersion, WorkflowPositions } from "./live-api.ts";
import { WaitingList } from "./WaitingList.tsx";

interface Props {
  workflowId: string;
  newest: NewestVersion;
  positions: WorkflowPositions;
  refreshedAt: number | undefined;
}

const NO_COUNTS: Record<string, number> = {};

export const LiveWorkflowView = ({ workflowId, newest, positions, refreshedAt }: Props) => {
  const { t } = useTranslation();
  const [chosenId, setChosenId] = useState<string>();
  const [step, setStep] = useState<string>();
  // A step's badge filters the list to the instances waiting there; the same badge again shows all.
  const toggleStep = useCallback(
    (nodeId: string) => setStep((shown) => (shown === nodeId ? undefined : nodeId)),
    [],
  );
  const chosen = useChosenInstance(chosenId, newest);
  // A chosen instance on an older version is drawn on that version, with that version's counts.
  const drawn: { version: number; definition: WorkflowDefinition } =
    chosen.status === "ready" && chosen.data ? chosen.data.drawn : newest;
  const counts = useMemo(
    () => positions.versions.find((entry) => entry.version === drawn.version)?.nodes ?? NO_COUNTS,
    [positions, drawn.version],
  );
  const stepName = useCallback(
    (nodeId: string) =>
      drawn.definition.nodes.find((node) => node.id === nodeId)?.name ||
      newest.definition.nodes.find((node) => node.id === nodeId)?.name ||
      nodeId,
    [drawn.definition, newest.definition],
  );
  const steps = useMemo(
    () => waitingSteps(positions, newest.definition, stepName),
    [positions, newest.definition, stepName],
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
            onCountPick={toggleStep}
            pickedStep={step}
          />
        </section>
        <aside className="live-screen__side" aria-label={t("overlay.running.title")}>
          {chosenId ? (
            <ChosenInstance chosen={chosen} instanceId={chosenId} onClose={() => setChosenId(undefined)} />
          ) : null}
          <WaitingList
            instances={positions.instances}
            running={positions.running}
            people={positions.people}
            steps={steps}
            stepName={stepName}
            step={step}
            onStep={setStep}
            chosenId={chosenId}
            onChoose={setChosenId}
          />
        </aside>
      </div>
    </div>
  );
};

/** Steps where instances wait, on any version, in the newest version's order, with their counts. */
const waitingSteps = (
  positions: WorkflowPositions,
  newest: WorkflowDefinition,
  stepName: (nodeId: string) => string,
) => {
  const counts = new Map<string, number>();
  for (const version of positions.versions)
    for (const [nodeId, count] of Object.entries(version.nodes))
      counts.set(nodeId, (counts.get(nodeId) ?? 0) + count);
  const order = new Map(newest.nodes.map((node, index) => [node.id, index]));
  return [...counts]
    .sort(([left], [right]) => (order.get(left) ?? Infinity) - (order.get(right) ?? Infinity))
    .map(([nodeId, count]) => ({ nodeId, name: stepName(nodeId), count }));
};
