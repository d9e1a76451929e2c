import type { FormDefinition } from "@flowdesk/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/api-error.ts";
import { ApprovalForm } from "./ApprovalForm.tsx";
import { DelegateForm } from "./DelegateForm.tsx";
import { type InboxTask, inboxApi, type TaskContext } from "./inbox-api.ts";
import { ReassignForm } from "./ReassignForm.tsx";
import { TaskForm } from "./TaskForm.tsx";
import type { Viewer } from "./taken-elsewhere.ts";
import { offersFor } from "./task-permissions.ts";

interface TaskWorkProps {
  context: TaskContext;
  form: FormDefinition | undefined;
  viewer: Viewer & { isStaff: boolean };
  /** Someone else took the task or it is finished: show it, offer nothing. */
  frozen: boolean;
  onChanged: () => void;
  /** The server said the task changed under us (409) or is gone (404). */
  onConflict: (error: ApiError) => void;
  /** The viewer sent the task on; it may leave what they can see. */
  onHandedOver: (to: string) => void;
}

const DEFAULT_OUTCOMES = [{ id: "done", label: "" }];

/** The actions on a task the viewer may take: claim, unclaim, complete or decide, delegate, reassign. */
export const TaskWork = ({
  context,
  form,
  viewer,
  frozen,
  onChanged,
  onConflict,
  onHandedOver,
}: TaskWorkProps) => {
  const { t } = useTranslation();
  const task = context.task;
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | undefined>(undefined);
  const offers = offersFor(task, viewer, context.step.allowDelegation);

  const run = async (action: (task: InboxTask) => Promise<unknown>) => {
    setBusy(true);
    setFailure(undefined);
    try {
      await action(task);
      onChanged();
    } catch (error) {
      if (error instanceof ApiError && (error.status === 409 || error.status === 404)) onConflict(error);
      else setFailure(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };

  if (frozen) return null;
  const outcomes = (context.step.outcomes.length > 0 ? context.step.outcomes : DEFAULT_OUTCOMES).map(
    (outcome) => ({
      ...outcome,
      label: outcome.label || t("inbox.detail.done"),
    }),
  );
  return (
    <section className="task-section task-work" aria-labelledby="task-work-title">
      <h3 id="task-work-title">
        {task.kind === "approval" ? t("inbox.detail.decide") : t("inbox.detail.work")}
      </h3>
      {failure !== undefined && (
        <p className="notice notice--error" role="alert">
          {failure}
        </p>
      )}
      {(offers.claim || offers.unclaim) && (
        <div className="task-claim">
          {offers.claim && <p className="muted">{t("inbox.detail.claimFirst")}</p>}
          {offers.claim && (
            <button
              type="button"
              className="button primary"
              disabled={busy}
              onClick={() => run(inboxApi.claim)}
            >
              {t("inbox.detail.claim")}
            </button>
          )}
          {offers.unclaim && (
            <button type="button" className="button" disabled={busy} onClick={() => run(inboxApi.unclaim)}>
              {t("inbox.detail.unclaim")}
            </button>
          )}
        </div>
      )}
      {task.kind === "approval" ? (
        offers.work && (
          <ApprovalForm
            rule={context.step.requireComment}
            disabled={!offers.work}
            busy={busy}
            onDecide={(decision, comment) => run((current) => inboxApi.decide(current, decision, comment))}
          />
        )
      ) : (
        <TaskForm
          taskId={task.id}
          definition={form}
          outcomes={outcomes}
          disabled={!offers.work}
          busy={busy}
          onComplete={(outcome, data) => run((current) => inboxApi.complete(current, outcome, data))}
        />
      )}
      {!offers.work && !offers.claim && <p className="muted">{t("inbox.detail.readOnly")}</p>}
      {offers.delegate && (
        <details className="task-reassign task-delegate">
          <summary>{t("inbox.delegate.open")}</summary>
          <DelegateForm
            busy={busy}
            onDelegate={(to, comment) =>
              run(async (current) => {
                await inboxApi.delegate(current, to, comment);
                onHandedOver(to);
              })
            }
          />
        </details>
      )}
      {offers.reassign && (
        <details className="task-reassign">
          <summary>{t("inbox.reassign.open")}</summary>
          <ReassignForm
            busy={busy}
            onReassign={(to) =>
              run(async (current) => {
                await inboxApi.reassign(current, to);
                onHandedOver("user" in to ? to.user : to.group);
              })
            }
          />
        </details>
      )}
    </section>
  );
};
