import { useTranslation } from "react-i18next";
import { routeHref } from "../app/hash-route.ts";
import { formatDateTime } from "../ui/format.ts";
import { InstanceCard } from "./InstanceCard.tsx";
import type { InstanceTask } from "./instance-api.ts";

/** The instance's tasks and approvals, open ones first, each linked to the inbox. */
export const InstanceTasks = ({
  tasks,
  stepName,
  nameOf,
}: {
  tasks: readonly InstanceTask[];
  stepName: (nodeId: string) => string;
  /** User name -> display name. */
  nameOf: (username: string) => string;
}) => {
  const { t } = useTranslation();
  const isOpen = (task: InstanceTask) => task.state === "open" || task.state === "claimed";
  const sorted = [...tasks].sort((a, b) => Number(isOpen(b)) - Number(isOpen(a)));
  return (
    <InstanceCard
      part="tasks"
      title={t("instance.tasks.title")}
      emptyText={sorted.length === 0 ? t("instance.tasks.none") : undefined}
    >
      <ul className="instance-task-list">
        {sorted.map((task) => (
          <li key={task.id}>
            <a href={routeHref({ screen: "inbox", id: task.id })}>{task.title || stepName(task.nodeId)}</a>
            <span className={`status-pill status-pill--${task.state}`}>
              {t(`instance.tasks.state.${task.state}`)}
            </span>
            <span className="instance-task-list__who">
              {task.completedBy && task.outcome
                ? t("instance.tasks.completedWith", {
                    who: nameOf(task.completedBy),
                    outcome: task.outcome,
                  })
                : task.completedBy
                  ? t("instance.tasks.completedBy", { who: nameOf(task.completedBy) })
                  : task.assigneeUser
                    ? t("instance.tasks.assignedUser", { who: nameOf(task.assigneeUser) })
                    : task.assigneeGroup
                      ? t("instance.tasks.assignedGroup", { group: task.assigneeGroup })
                      : ""}
            </span>
            {task.dueAt && isOpen(task) ? (
              <span className="instance-task-list__due">
                {t("instance.tasks.due", { at: formatDateTime(task.dueAt) })}
              </span>
            ) : null}
          </li>
        ))}
      </ul>
    </InstanceCard>
  );
};
