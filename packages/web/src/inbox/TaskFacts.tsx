import { useTranslation } from "react-i18next";
import { routeHref } from "../app/hash-route.ts";
import { formatDateTime } from "../ui/format.ts";
import type { TaskContext } from "./inbox-api.ts";
import { SlaBadge } from "./SlaBadge.tsx";

/** Who asked, whose queue, who has it, when it opened and is due; staff also get the instance. */
export const TaskFacts = ({ context, staff }: { context: TaskContext; staff: boolean }) => {
  const { t } = useTranslation();
  const { task, people } = context;
  const measured = context.measuredBy;
  // The due instant of the clock the badge counts: the SLA target when one runs, else the task's own.
  const dueText =
    measured === null
      ? t("inbox.sla.noDue")
      : measured.dueAt === null
        ? t("inbox.sla.measuredPaused", { clock: t(`inbox.sla.clock.${measured.clock}`) })
        : t("inbox.sla.measured", {
            clock: t(`inbox.sla.clock.${measured.clock}`),
            due: formatDateTime(measured.dueAt),
          });
  const name = (username: string | null) => (username === null ? "" : (people[username] ?? username));
  return (
    <dl className="task-facts">
      <div>
        <dt>{t("inbox.facts.sla")}</dt>
        <dd>
          <SlaBadge measured={context.measuredBy} />
        </dd>
      </div>
      <div>
        <dt>{t("inbox.facts.requester")}</dt>
        <dd>{name(context.requester) || t("inbox.list.noRequester")}</dd>
      </div>
      <div>
        <dt>{t("inbox.facts.group")}</dt>
        <dd>{task.assigneeGroup ?? t("inbox.list.noQueue")}</dd>
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
        <dd>{dueText}</dd>
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
