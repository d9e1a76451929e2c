import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../ui/format.ts";
import { EmptyState, ErrorState, LoadingState } from "../ui/StateViews.tsx";
import { useResource } from "../ui/use-resource.ts";
import { adminApi } from "./admin-api.ts";
import { auditDetailsText } from "./audit-details.ts";
import {
  AUDIT_PAGE_SIZE,
  type AuditFilter,
  auditPageCount,
  auditQueryString,
  auditRangeInverted,
  EMPTY_AUDIT_FILTER,
} from "./audit-query.ts";
import { Pager } from "./Pager.tsx";
import { StackTable } from "./StackTable.tsx";
import { TextField } from "./TextField.tsx";

/** The audit log, newest first: who did what, when, from where; filtered and paged by the server. */
export const AuditSection = () => {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<AuditFilter>(EMPTY_AUDIT_FILTER);
  const [draft, setDraft] = useState<AuditFilter>(EMPTY_AUDIT_FILTER);
  const inverted = auditRangeInverted(filter);
  const resource = useResource(
    (signal) =>
      inverted
        ? Promise.resolve({ items: [], total: 0, limit: AUDIT_PAGE_SIZE, offset: 0 })
        : adminApi.listAudit(filter, signal),
    auditQueryString(filter),
  );

  const apply = (event: FormEvent) => {
    event.preventDefault();
    setFilter({ ...draft, page: 0 });
  };
  const clear = () => {
    setDraft(EMPTY_AUDIT_FILTER);
    setFilter(EMPTY_AUDIT_FILTER);
  };
  const edit = (patch: Partial<AuditFilter>) => setDraft((previous) => ({ ...previous, ...patch }));

  const body = () => {
    if (resource.status === "loading") return <LoadingState />;
    if (resource.status === "error") return <ErrorState error={resource.error} onRetry={resource.reload} />;
    const page = resource.data;
    if (inverted) return <EmptyState title={t("admin.audit.inverted")} />;
    if (page.items.length === 0) return <EmptyState title={t("admin.audit.empty")} />;
    const pages = auditPageCount(page.total);
    return (
      <>
        <StackTable
          className="admin-audit-table"
          rows={page.items}
          rowKey={(entry) => entry.seq}
          columns={[
            {
              label: t("admin.audit.columns.when"),
              cell: (entry) => <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>,
            },
            { label: t("admin.audit.columns.who"), cell: (entry) => entry.actor ?? t("admin.audit.system") },
            {
              label: t("admin.audit.columns.what"),
              cell: (entry) => <code className="code">{entry.action}</code>,
            },
            {
              label: t("admin.audit.columns.target"),
              cell: (entry) => (
                <>
                  {entry.targetType}
                  {entry.targetId ? (
                    <span className="muted admin-sub admin-break">{entry.targetId}</span>
                  ) : null}
                </>
              ),
            },
            { label: t("admin.audit.columns.ip"), cell: (entry) => entry.ip ?? "" },
            {
              label: t("admin.audit.columns.details"),
              className: "admin-details",
              cell: (entry) => auditDetailsText(entry.details),
            },
          ]}
        />
        <Pager
          label={t("admin.audit.paging")}
          page={filter.page}
          pages={pages}
          total={page.total}
          onPage={(next) => setFilter({ ...filter, page: next })}
          previous={t("admin.audit.newer")}
          next={t("admin.audit.older")}
        />
      </>
    );
  };

  return (
    <section className="admin-section" aria-labelledby="admin-audit-title">
      <header className="admin-section__header">
        <h1 id="admin-audit-title">{t("admin.audit.title")}</h1>
      </header>
      <form className="admin-filters" onSubmit={apply} aria-label={t("admin.audit.filters")}>
        <TextField
          id="audit-actor"
          label={t("admin.audit.actor")}
          value={draft.actor}
          onChange={(event) => edit({ actor: event.target.value })}
        />
        <TextField
          id="audit-action"
          label={t("admin.audit.action")}
          hint={t("admin.audit.actionHint")}
          value={draft.action}
          placeholder="user."
          onChange={(event) => edit({ action: event.target.value })}
        />
        <TextField
          id="audit-from"
          label={t("admin.audit.from")}
          type="date"
          value={draft.from}
          onChange={(event) => edit({ from: event.target.value })}
        />
        <TextField
          id="audit-to"
          label={t("admin.audit.to")}
          type="date"
          value={draft.to}
          onChange={(event) => edit({ to: event.target.value })}
        />
        <div className="admin-actions admin-filters__actions">
          <button type="submit" className="button primary">
            {t("admin.audit.apply")}
          </button>
          <button type="button" className="button" onClick={clear}>
            {t("admin.audit.clear")}
          </button>
        </div>
      </form>
      {body()}
    </section>
  );
};
