import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useLiveRefresh } from "../live/live-context.tsx";
import { useResource } from "../ui/use-resource.ts";
import { type InboxScope, inboxApi } from "./inbox-api.ts";
import { TaskDetail } from "./TaskDetail.tsx";
import { TaskList } from "./TaskList.tsx";
import type { TaskSort } from "./task-order.ts";
import { useNewTasks } from "./use-new-tasks.ts";

const LIVE_NAMES = ["task.created", "task.updated", "sla.warning", "sla.breached"] as const;
const SCOPE_KEY = "flowdesk.inbox.scope";

const savedScope = (): InboxScope => (sessionStorage.getItem(SCOPE_KEY) === "groups" ? "groups" : "mine");

/**
 * The inbox: my tasks or my groups' queues beside the open task (#/inbox/:taskId). On a
 * phone the task replaces the list. Everything on it follows live events; nobody reloads.
 */
export const InboxScreen = ({ taskId }: { taskId?: string | undefined }) => {
  const { t } = useTranslation();
  const [scope, setScope] = useState<InboxScope>(savedScope);
  const [sort, setSort] = useState<TaskSort>("due");
  const rows = useResource((signal) => inboxApi.list(scope, signal), scope);
  useLiveRefresh(LIVE_NAMES, rows.reload);
  const { newIds, announcement } = useNewTasks(rows.data, scope);
  const chooseScope = (next: InboxScope) => {
    sessionStorage.setItem(SCOPE_KEY, next);
    setScope(next);
  };
  return (
    <div className={`inbox${taskId === undefined ? "" : " inbox--task-open"}`}>
      <h1 className="inbox__title">{t("inbox.title")}</h1>
      <div className="inbox__panes">
        <TaskList
          scope={scope}
          onScope={chooseScope}
          sort={sort}
          onSort={setSort}
          rows={rows}
          selectedId={taskId}
          newIds={newIds}
          announcement={announcement}
        />
        <section className="inbox__detail" aria-label={t("inbox.detail.region")}>
          {taskId === undefined ? (
            <div className="state state--empty">
              <p className="state-title">{t("inbox.detail.pick")}</p>
            </div>
          ) : (
            <TaskDetail key={taskId} taskId={taskId} />
          )}
        </section>
      </div>
    </div>
  );
};
