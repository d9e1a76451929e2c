import { useTranslation } from "react-i18next";
import { ErrorState, LoadingState } from "../ui/StateViews.tsx";
import type { InboxRow, InboxScope } from "./inbox-api.ts";
import { TaskRow } from "./TaskRow.tsx";
import { sortTasks, type TaskSort } from "./task-order.ts";

interface TaskListProps {
  scope: InboxScope;
  onScope: (scope: InboxScope) => void;
  sort: TaskSort;
  onSort: (sort: TaskSort) => void;
  status: "loading" | "ready" | "error";
  items: InboxRow[] | undefined;
  error: Error | undefined;
  onRetry: () => void;
  selectedId: string | undefined;
  newIds: ReadonlySet<string>;
  announcement: string;
}

const SCOPES: InboxScope[] = ["mine", "groups"];

/** The task list: my tasks or my groups' queues, sorted by SLA due, kept current live. */
export const TaskList = ({
  scope,
  onScope,
  sort,
  onSort,
  status,
  items,
  error,
  onRetry,
  selectedId,
  newIds,
  announcement,
}: TaskListProps) => {
  const { t } = useTranslation();
  const sorted = items === undefined ? [] : sortTasks(items, sort);
  return (
    <section className="inbox-list" aria-labelledby="inbox-list-title">
      <h2 id="inbox-list-title" className="visually-hidden">
        {t("inbox.list.title")}
      </h2>
      <div className="inbox-list__controls">
        <fieldset className="inbox-scope">
          <legend className="visually-hidden">{t("inbox.list.scope")}</legend>
          {SCOPES.map((candidate) => (
            <button
              key={candidate}
              type="button"
              className="button small"
              aria-pressed={scope === candidate}
              onClick={() => onScope(candidate)}
            >
              {t(`inbox.list.scopes.${candidate}`)}
            </button>
          ))}
        </fieldset>
        <label className="inbox-sort">
          <span>{t("inbox.list.sort")}</span>
          <select value={sort} onChange={(event) => onSort(event.target.value as TaskSort)}>
            <option value="due">{t("inbox.list.sorts.due")}</option>
            <option value="newest">{t("inbox.list.sorts.newest")}</option>
          </select>
        </label>
      </div>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      {status === "loading" && <LoadingState label={t("inbox.list.loading")} />}
      {status === "error" && <ErrorState error={error ?? new Error()} onRetry={onRetry} />}
      {status === "ready" && sorted.length === 0 && (
        <div className="state state--empty">
          <p className="state-title">{t(`inbox.list.empty.${scope}`)}</p>
          <p className="muted">{t("inbox.list.emptyHint")}</p>
        </div>
      )}
      {sorted.length > 0 && (
        <ul className="task-list" aria-label={t(`inbox.list.scopes.${scope}`)}>
          {sorted.map((row) => (
            <TaskRow key={row.id} row={row} selected={row.id === selectedId} isNew={newIds.has(row.id)} />
          ))}
        </ul>
      )}
    </section>
  );
};
