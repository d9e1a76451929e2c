import { useTranslation } from "react-i18next";
import { routeHref } from "../app/hash-route.ts";
import { formatDateTime } from "../ui/format.ts";
import type { TaskContext } from "./inbox-api.ts";
import { SlaBadge } from "./SlaBadge.tsx";

/** Who asked, whose queue, who has it, when it opened and is due; staff also get the instance. */
export const TaskFacts = ({ context, staff }: { context: TaskContext; staff: boolean }) => {
  const { t } = useTranslation();
  const { task, people } = context;
  const name = (username: string | null) => (username === null ? "" : (people[username] ?? username));
  return (
    <dl className="task-facts">
      <div>
        <dt>{t("inbox.facts.sla")}</dt>
        <dd>
          <SlaBadge openedAt={task.createdAt} dueAt={task.dueAt} />
        </dd>
      </div>
      <div>
        <dt>{t("inbox.facts.requester")}</dt>
        <dd>{name(context.requester) || t("inbox.list.none")}</dd>
      </div>
      <div>
        <dt>{t("inbox.facts.group")}</dt>
        <dd>{task.assigneeGroup ?? t("inbox.list.none")}</dd>
      </div>
      <div>
        <dt>{t("inbox.facts.assignee")}</dt>
        <dd>{name(task.assigneeUser) || t("inbox.list.unassigned")}</dd>
      </div>
      <div>
        <dt>{t("inbox.facts.opened")}</dt>
        <dd>{formatDateTime(task.createdAt)}</dd>
      </div>
      <div>
        <dt>{t("inbox.facts.due")}</dt>
        <dd>{task.dueAt === null ? t("inbox.sla.noDue") : formatDateTime(task.dueAt)}</dd>
      </div>
      {staff && (
        <div>
          <dt>{t("inbox.facts.instance")}</dt>
          <dd>
            <a href={routeHref({ screen: "instances", id: task.instanceId })}>
              {t("inbox.facts.openInstance")}
            </a>
          </dd>
        </div>
      )}
    </dl>
  );
};
