import { useTranslation } from "react-i18next";
import { routeHref } from "../app/hash-route.ts";
import type { InboxRow } from "./inbox-api.ts";
import { SlaBadge } from "./SlaBadge.tsx";

/** One task in the list: what it is, which request, whose queue, who has it, and its SLA. */
export const TaskRow = ({ row, selected, isNew }: { row: InboxRow; selected: boolean; isNew: boolean }) => {
  const { t } = useTranslation();
  const title = row.title ?? row.nodeId;
  return (
    <li className={`task-row${selected ? " is-selected" : ""}${isNew ? " is-new" : ""}`}>
      <a
        className="task-row__link"
        href={routeHref({ screen: "inbox", id: row.id })}
        aria-current={selected ? "true" : undefined}
      >
        <span className="task-row__head">
          <span className="task-row__title">{title}</span>
          {isNew && <span className="task-row__new">{t("inbox.list.new")}</span>}
          {row.kind === "approval" && <span className="task-row__kind">{t("inbox.list.approval")}</span>}
        </span>
        <span className="task-row__request">
          {row.request === null
            ? t("inbox.list.noRequest")
            : t("inbox.list.request", { title: row.request.title, requester: row.request.requesterName })}
        </span>
        <span className="task-row__meta">
          <span>
            {row.assigneeGroup === null
              ? t("inbox.list.noQueue")
              : t("inbox.list.group", { group: row.assigneeGroup })}
          </span>
          <span>
            {t("inbox.list.assignee", { assignee: row.assigneeName ?? t("inbox.list.unassigned") })}
          </span>
        </span>
        <SlaBadge measured={row.measuredBy} />
      </a>
    </li>
  );
};
