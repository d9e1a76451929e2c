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
  // The answer carries its scope so rows of the previous tab are never taken for new arrivals.
  const rows = useResource(async (signal) => ({ scope, items: await inboxApi.list(scope, signal) }), scope);
  useLiveRefresh(LIVE_NAMES, rows.reload);
  const items = rows.data?.scope === scope ? rows.data.items : undefined;
  const { newIds, announcement } = useNewTasks(items, scope);
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
          status={rows.status === "ready" && items === undefined ? "loading" : rows.status}
          items={items}
          error={rows.error}
          onRetry={rows.reload}
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
