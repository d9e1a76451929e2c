import type { FormDefinition } from "@flowdesk/core";
import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/api-error.ts";
import { access } from "../app/access.ts";
import { routeHref } from "../app/hash-route.ts";
import { useCurrentUser } from "../app/session-context.tsx";
import { useLiveRefresh, useLiveRoom } from "../live/live-context.tsx";
import { ErrorState, LoadingState } from "../ui/StateViews.tsx";
import { useResource } from "../ui/use-resource.ts";
import { inboxApi, type TaskContext, taskInstructions } from "./inbox-api.ts";
import { RequestData } from "./RequestData.tsx";
import { TakenNotice } from "./TakenNotice.tsx";
import { TaskFacts } from "./TaskFacts.tsx";
import { TaskWork } from "./TaskWork.tsx";
import { takenElsewhere } from "./taken-elsewhere.ts";

const LIVE_NAMES = [
  "task.created",
  "task.updated",
  "sla.warning",
  "sla.breached",
  "instance.updated",
] as const;

/** An instance change that moves its SLA clocks (paused, resumed, retargeted, stopped) changes the badge. */
const movesSlaClock = (payload: { types: readonly string[] }): boolean =>
  payload.types.some((type) => type.startsWith("sla."));

const loadDetail = async (
  taskId: string,
  signal: AbortSignal,
): Promise<{ context: TaskContext; form: FormDefinition | undefined }> => {
  const context = await inboxApi.context(taskId, signal);
  const form = context.form === null ? undefined : await inboxApi.form(context.form, signal);
  return { context, form };
};

/** One task: what it is about, its form or decision, and what happened to it while it was open. */
export const TaskDetail = ({ taskId }: { taskId: string }) => {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const detail = useResource((signal) => loadDetail(taskId, signal), taskId);
  const [conflict, setConflict] = useState<string | undefined>(undefined);
  const [handedOverTo, setHandedOverTo] = useState<string | undefined>(undefined);
  const instanceId = detail.data?.context.task.instanceId;
  // Instance changes reach the instance's room only; the server lets in those who may see it.
  useLiveRoom(instanceId === undefined ? undefined : { instanceId });
  useLiveRefresh(LIVE_NAMES, detail.reload, (payload) => {
    if ("task" in payload) return payload.task.id === taskId;
    if (instanceId === undefined || payload.instanceId !== instanceId) return false;
    return !("types" in payload) || movesSlaClock(payload);
  });
  const onConflict = useCallback(
    (error: ApiError) => {
      setConflict(error.message);
      detail.reload();
    },
    [detail.reload],
  );

  const back = (
    <a className="task-detail__back" href={routeHref({ screen: "inbox" })}>
      {t("inbox.detail.back")}
    </a>
  );
  if (detail.status === "loading")
    return (
      <div className="task-detail">
        {back}
        <LoadingState />
      </div>
    );
  const gone = detail.status === "error" && detail.error instanceof ApiError && detail.error.status === 404;
  if (detail.data === undefined) {
    return (
      <div className="task-detail">
        {back}
        {gone ? (
          <div className="state state--empty">
            <p className="state-title">{t("inbox.detail.notFound")}</p>
          </div>
        ) : (
          <ErrorState error={detail.error ?? new Error()} onRetry={detail.reload} />
        )}
      </div>
    );
  }

  const { context, form } = detail.data;
  const task = context.task;
  const viewer = {
    username: user.username,
    groups: user.groups,
    isAdmin: user.roles.includes("admin"),
    isStaff: access.work(user),
  };
  const taken = takenElsewhere(task, viewer);
  const doneByMe = task.state === "completed" && task.completedBy === user.username;
  return (
    <article className="task-detail" aria-labelledby="task-title">
      {back}
      <header className="task-detail__header">
        <h2 id="task-title">{context.step.name}</h2>
        {context.request !== null && <p className="muted">{context.request.title}</p>}
      </header>
      {handedOverTo !== undefined && (
        <p className="notice notice--success" role="status">
          {t("inbox.detail.handedOver", { to: handedOverTo })}
        </p>
      )}
      {gone && handedOverTo === undefined && (
        <p className="notice notice--error" role="alert">
          {t("inbox.detail.noLongerYours")}
        </p>
      )}
      {taken !== undefined && handedOverTo === undefined && (
        <TakenNotice taken={taken} people={context.people} />
      )}
      {taken === undefined && conflict !== undefined && !doneByMe && (
        <p className="notice notice--error" role="alert">
          {conflict}
        </p>
      )}
      {doneByMe && (
        <p className="notice notice--success" role="status">
          {t("inbox.detail.doneByYou", {
            outcome:
              context.step.outcomes.find((outcome) => outcome.id === task.outcome)?.label ??
              (task.outcome === null ? "" : t(`inbox.detail.decision.${task.outcome}`, task.outcome)),
          })}
        </p>
      )}
      <TaskFacts context={context} staff={viewer.isStaff} />
      {taskInstructions(task) && <p className="task-instructions">{taskInstructions(task)}</p>}
      <TaskWork
        key={task.id}
        context={context}
        form={form}
        viewer={viewer}
        frozen={
          taken !== undefined ||
          gone ||
          handedOverTo !== undefined ||
          task.state === "completed" ||
          task.state === "cancelled"
        }
        onChanged={detail.reload}
        onConflict={onConflict}
        onHandedOver={setHandedOverTo}
      />
      <RequestData variables={context.variables} />
    </article>
  );
};
