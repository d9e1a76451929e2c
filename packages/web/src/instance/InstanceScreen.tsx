import type { WorkflowDefinition } from "@flowdesk/core";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { access } from "../app/access.ts";
import { routeHref } from "../app/hash-route.ts";
import { useCurrentUser } from "../app/session-context.tsx";
import { type LivePayload, useLiveRefresh, useLiveRoom } from "../live/live-context.tsx";
import { formatDateTime } from "../ui/format.ts";
import { ErrorState, LoadingState } from "../ui/StateViews.tsx";
import { useResource } from "../ui/use-resource.ts";
import { pathFromHistory } from "../workflow-picture/picture-marks.ts";
import { WorkflowPicture } from "../workflow-picture/WorkflowPicture.tsx";
import { CancelInstance } from "./CancelInstance.tsx";
import { InstanceHistory } from "./InstanceHistory.tsx";
import { InstanceIncidents } from "./InstanceIncidents.tsx";
import { InstanceSla } from "./InstanceSla.tsx";
import { InstanceTasks } from "./InstanceTasks.tsx";
import { InstanceVariables } from "./InstanceVariables.tsx";
import { type InstanceDetail, instanceApi } from "./instance-api.ts";

interface Loaded {
  instance: InstanceDetail;
  definition: WorkflowDefinition;
}

const LIVE_EVENTS = ["instance.updated", "task.created", "task.updated"] as const;

/** Whether a live event is about this instance (instance events name it; task events carry the task). */
const isAbout = (instanceId: string) => (payload: LivePayload<(typeof LIVE_EVENTS)[number]>) =>
  "task" in payload ? payload.task.instanceId === instanceId : payload.instanceId === instanceId;

/** One instance for staff: where it stands on its workflow, its data, tasks, SLA clocks, incidents, history. */
export const InstanceScreen = ({ instanceId }: { instanceId: string }) => {
  const user = useCurrentUser();
  const resource = useResource<Loaded>(async (signal) => {
    const instance = await instanceApi.get(instanceId, signal);
    const { definition } = await instanceApi.workflowVersion(
      instance.definitionId,
      instance.definitionVersion,
    );
    return { instance, definition };
  }, instanceId);
  useLiveRoom({ instanceId });
  useLiveRefresh(LIVE_EVENTS, resource.reload, isAbout(instanceId));

  if (resource.status === "loading") return <LoadingState />;
  if (resource.status === "error" && resource.data === undefined)
    return <ErrorState error={resource.error} onRetry={resource.reload} />;
  const { instance, definition } = resource.data as Loaded;
  return (
    <InstanceView
      instance={instance}
      definition={definition}
      mayRetry={access.administer(user)}
      mayCancel={access.work(user)}
      onChanged={resource.reload}
    />
  );
};

const InstanceView = ({
  instance,
  definition,
  mayRetry,
  mayCancel,
  onChanged,
}: Loaded & { mayRetry: boolean; mayCancel: boolean; onChanged: () => void }) => {
  const { t } = useTranslation();
  const stepName = useMemo(() => {
    const names = new Map(definition.nodes.map((node) => [node.id, node.name || node.id]));
    return (nodeId: string | null | undefined) => (nodeId ? (names.get(nodeId) ?? nodeId) : "");
  }, [definition]);
  // Records keep user names; people read display names (a user unknown to the directory keeps its user name).
  const nameOf = useMemo(() => {
    const people = instance.people ?? {};
    return (username: string) => people[username] ?? username;
  }, [instance.people]);
  const path = useMemo(() => pathFromHistory(definition, instance.history), [definition, instance.history]);
  const current = useMemo(() => instance.positions.map((position) => position.nodeId), [instance.positions]);

  return (
    <div className="instance-screen">
      <header className="instance-screen__header">
        <div>
          <h1 id="instance-title">{definition.title}</h1>
          <p className="instance-screen__meta">
            <span className={`status-pill status-pill--${instance.status}`} data-testid="instance-status">
              {t(`instance.status.${instance.status}`)}
            </span>
            <span>{t("instance.meta.id", { id: instance.id })}</span>
            <span>{t("instance.meta.version", { version: instance.definitionVersion })}</span>
            <span>{t("instance.meta.requester", { requester: nameOf(instance.requester) })}</span>
            <span>{t("instance.meta.started", { at: formatDateTime(instance.createdAt) })}</span>
          </p>
        </div>
        <div className="instance-screen__actions">
          <a className="button" href={routeHref({ screen: "live", id: instance.definitionId })}>
            {t("instance.liveView")}
          </a>
          {mayCancel && instance.status === "running" ? (
            <CancelInstance instanceId={instance.id} onCancelled={onChanged} />
          ) : null}
        </div>
      </header>

      <section className="instance-screen__picture" aria-labelledby="instance-position-title">
        <h2 id="instance-position-title">{t("instance.position.title")}</h2>
        <WorkflowPicture
          definition={definition}
          version={instance.definitionVersion}
          label={t("instance.position.pictureLabel", {
            title: definition.title,
            version: instance.definitionVersion,
          })}
          path={path}
          current={current}
          emptyText={t(
            instance.status === "running"
              ? "instance.position.moving"
              : `instance.position.${instance.status}`,
          )}
        />
      </section>

      <div className="instance-screen__columns">
        <InstanceIncidents
          incidents={instance.incidents}
          stepName={stepName}
          mayRetry={mayRetry}
          onRetried={onChanged}
        />
        <InstanceTasks tasks={instance.tasks} stepName={stepName} nameOf={nameOf} />
        <InstanceSla sla={instance.sla} />
        <InstanceVariables variables={instance.variables} />
      </div>
      <InstanceHistory history={instance.history} stepName={stepName} nameOf={nameOf} />
    </div>
  );
};
