import type { WorkflowDefinition } from "@flowdesk/core";
import { useTranslation } from "react-i18next";
import { routeHref } from "../app/hash-route.ts";
import { type InstanceDetail, instanceApi } from "../instance/instance-api.ts";
import { type LivePayload, useLiveRefresh } from "../live/live-context.tsx";
import { ErrorState, LoadingState } from "../ui/StateViews.tsx";
import { type Resource, useResource } from "../ui/use-resource.ts";
import { pathFromHistory, type TakenPath } from "../workflow-picture/picture-marks.ts";
import type { NewestVersion } from "./live-api.ts";

export interface Chosen {
  instance: InstanceDetail;
  drawn: { version: number; definition: WorkflowDefinition };
  path: TakenPath;
  current: string[];
}

/** Loads the chosen instance and the version it runs on (the newest is already loaded). */
export const useChosenInstance = (
  instanceId: string | undefined,
  newest: NewestVersion,
): Resource<Chosen | null> & { reload: () => void } => {
  const resource = useResource<Chosen | null>(
    async (signal) => {
      if (instanceId === undefined) return null;
      const instance = await instanceApi.get(instanceId, signal);
      const drawn =
        instance.definitionVersion === newest.version
          ? newest
          : {
              version: instance.definitionVersion,
              definition: (
                await instanceApi.workflowVersion(instance.definitionId, instance.definitionVersion)
              ).definition,
            };
      return {
        instance,
        drawn,
        path: pathFromHistory(drawn.definition, instance.history),
        current: instance.positions.map((position) => position.nodeId),
      };
    },
    `${instanceId ?? ""}@${newest.version}`,
  );
  // The counts reload on every change of the workflow; the chosen instance follows its own events.
  useLiveRefresh(
    "instance.updated",
    resource.reload,
    (payload) => instanceId !== undefined && payload.instanceId === instanceId,
  );
  return resource;
};

/** The chosen instance in words: where it waits, and a way to its own view. */
export const ChosenInstance = ({
  chosen,
  instanceId,
  onClose,
}: {
  chosen: Resource<Chosen | null> & { reload: () => void };
  instanceId: string;
  onClose: () => void;
}) => {
  const { t } = useTranslation();
  return (
    <section className="live-chosen" aria-labelledby="live-chosen-title" data-testid="live-chosen">
      <h2 id="live-chosen-title">{t("overlay.chosen.title")}</h2>
      {chosen.status === "loading" ? <LoadingState /> : null}
      {chosen.status === "error" ? <ErrorState error={chosen.error} onRetry={chosen.reload} /> : null}
      {chosen.status === "ready" && chosen.data ? <ChosenFacts chosen={chosen.data} /> : null}
      <div className="live-chosen__buttons">
        <a className="button primary" href={routeHref({ screen: "instances", id: instanceId })}>
          {t("overlay.chosen.open")}
        </a>
        <button type="button" className="button" onClick={onClose}>
          {t("overlay.chosen.clear")}
        </button>
      </div>
    </section>
  );
};

const ChosenFacts = ({ chosen }: { chosen: Chosen }) => {
  const { t } = useTranslation();
  const stepName = (nodeId: string) =>
    chosen.drawn.definition.nodes.find((node) => node.id === nodeId)?.name ?? nodeId;
  const status = chosen.instance.status;
  return (
    <>
      <p data-testid="live-chosen-position">
        {chosen.current.length === 0
          ? t(`overlay.chosen.${status === "running" ? "moving" : status}`)
          : t("overlay.chosen.waitsAt", { steps: chosen.current.map(stepName).join(", ") })}
      </p>
      <p className="live-chosen__path">{t("overlay.chosen.pathLength", { count: chosen.path.nodes.size })}</p>
    </>
  );
};
