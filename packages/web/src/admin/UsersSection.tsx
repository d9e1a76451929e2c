import { builtInRoles } from "@flowdesk/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useCurrentUser } from "../app/session-context.tsx";
import { EmptyState, ErrorState, LoadingState } from "../ui/StateViews.tsx";
import { useResource } from "../ui/use-resource.ts";
import { useDebounced } from "../widgets/use-debounced.ts";
import { type AdminGroup, type AdminUser, adminApi, type RoleInfo } from "./admin-api.ts";
import { Pager } from "./Pager.tsx";
import { PasswordReset } from "./PasswordReset.tsx";
import { StackTable } from "./StackTable.tsx";
import { UserForm } from "./UserForm.tsx";
import { userPageCount } from "./user-query.ts";
import { EMPTY_USER_DRAFT } from "./user-validation.ts";

interface Choices {
  roles: RoleInfo[];
  groups: AdminGroup[];
}

type Panel = { open: "none" } | { open: "create" } | { open: "edit" | "reset"; user: AdminUser };

const loadChoices = async (signal: AbortSignal): Promise<Choices> => {
  const [roles, groups] = await Promise.all([adminApi.listRoles(signal), adminApi.listGroups(signal)]);
  return { roles: roles.items, groups: groups.items };
};

/** Users: search, create, edit roles and groups, disable or enable, reset a password. */
export const UsersSection = () => {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [query, setQuery] = useState("");
  const [page, setPage] = useState(0);
  // Searched once the person pauses typing, so each key press is not a request.
  const search = useDebounced(query, 300);
  const choices = useResource(loadChoices, "choices");
  const users = useResource((signal) => adminApi.listUsers(search, page, signal), `${search}|${page}`);
  const [panel, setPanel] = useState<Panel>({ open: "none" });
  const [notice, setNotice] = useState<{ kind: "success" | "error"; text: string } | undefined>();

  const done = (text: string) => {
    users.reload();
    setPanel({ open: "none" });
    setNotice({ kind: "success", text });
  };

  const toggleDisabled = async (user: AdminUser) => {
    try {
      const changed = await adminApi.updateUser(user.id, { disabled: !user.disabled });
      done(
        t(changed.disabled ? "admin.users.disabledDone" : "admin.users.enabledDone", { name: user.username }),
      );
    } catch (error) {
      setNotice({ kind: "error", text: error instanceof Error ? error.message : String(error) });
    }
  };

  const panels = () => {
    if (choices.status === "loading") return panel.open === "none" ? null : <LoadingState />;
    if (choices.status === "error") return <ErrorState error={choices.error} onRetry={choices.reload} />;
    const data = choices.data;
    return (
      <>
        {panel.open === "create" && (
          <UserForm
            mode="create"
            initial={EMPTY_USER_DRAFT}
            roles={data.roles}
            groups={data.groups}
            onCancel={() => setPanel({ open: "none" })}
            onSubmit={async (draft) => {
              const email = draft.email.trim();
              const created = await adminApi.createUser({
                username: draft.username,
                displayName: draft.displayName.trim(),
                password: draft.password,
                roles: builtInRoles(draft.roles),
                groups: draft.groups,
                ...(email ? { email } : {}),
              });
              done(t("admin.users.createdDone", { name: created.username }));
            }}
          />
        )}
        {panel.open === "edit" && (
          <UserForm
            key={panel.user.id}
            mode="edit"
            initial={{ ...panel.user, email: panel.user.email ?? "", password: "" }}
            roles={data.roles}
            groups={data.groups}
            onCancel={() => setPanel({ open: "none" })}
            onSubmit={async (draft) => {
              const email = draft.email.trim();
              const changed = await adminApi.updateUser(panel.user.id, {
                displayName: draft.displayName.trim(),
                email: email === "" ? null : email,
                roles: builtInRoles(draft.roles),
                groups: draft.groups,
              });
              done(t("admin.users.savedDone", { name: changed.username }));
            }}
          />
        )}
        {panel.open === "reset" && (
          <PasswordReset
            key={panel.user.id}
            user={panel.user}
            onCancel={() => setPanel({ open: "none" })}
            onReset={async (password) => {
              const changed = await adminApi.updateUser(panel.user.id, { password });
              done(t("admin.users.resetDone", { name: changed.username }));
            }}
          />
        )}
      </>
    );
  };

  const list = () => {
    if (users.status === "loading") return <LoadingState />;
    if (users.status === "error") return <ErrorState error={users.error} onRetry={users.reload} />;
    const found = users.data.items;
    const groupTitle = new Map((choices.data?.groups ?? []).map((group) => [group.id, group.title]));
    return (
      <>
        <p id="user-count" className="field-hint">
          {t("admin.users.count", { shown: found.length, total: users.data.total })}
        </p>
        {found.length === 0 ? (
          <EmptyState title={query ? t("admin.users.noMatch") : t("admin.users.empty")} />
        ) : (
          <StackTable
            rows={found}
            rowKey={(user) => user.id}
            rowAttributes={(user) => ({ "data-username": user.username })}
            columns={[
              {
                label: t("admin.users.columns.name"),
                cell: (user) => (
                  <>
                    <strong>{user.displayName}</strong>
                    <span className="muted admin-sub">
                      {user.username}
                      {user.email ? ` · ${user.email}` : ""}
                    </span>
                  </>
                ),
              },
              {
                label: t("admin.users.columns.roles"),
                cell: (user) => user.roles.map((role) => t(`admin.roles.names.${role}`, role)).join(", "),
              },
              {
                label: t("admin.users.columns.groups"),
                cell: (user) =>
                  user.groups.length === 0
                    ? t("admin.users.noGroups")
                    : user.groups.map((group) => groupTitle.get(group) ?? group).join(", "),
              },
              {
                label: t("admin.users.columns.status"),
                cell: (user) => (
                  <span className={`admin-badge admin-badge--${user.disabled ? "disabled" : "active"}`}>
                    {user.disabled ? t("admin.users.disabled") : t("admin.users.active")}
                  </span>
                ),
              },
              {
                label: t("admin.users.columns.actions"),
                cell: (user) => (
                  <div className="admin-row-actions">
                    <button
                      type="button"
                      className="button small"
                      onClick={() => setPanel({ open: "edit", user })}
                      aria-label={t("admin.users.editOf", { name: user.username })}
                    >
                      {t("admin.users.edit")}
                    </button>
                    <button
                      type="button"
                      className="button small"
                      onClick={() => setPanel({ open: "reset", user })}
                      aria-label={t("admin.users.resetOf", { name: user.username })}
                    >
                      {t("admin.users.resetPassword")}
                    </button>
                    {user.id !== me.id && (
                      <button
                        type="button"
                        className="button small"
                        onClick={() => void toggleDisabled(user)}
                        aria-label={t(user.disabled ? "admin.users.enableOf" : "admin.users.disableOf", {
                          name: user.username,
                        })}
                      >
                        {user.disabled ? t("admin.users.enable") : t("admin.users.disable")}
                      </button>
                    )}
                  </div>
                ),
              },
            ]}
          />
        )}
        <Pager
          label={t("admin.users.paging")}
          page={page}
          pages={userPageCount(users.data.total)}
          total={users.data.total}
          onPage={setPage}
          previous={t("admin.previous")}
          next={t("admin.next")}
        />
      </>
    );
  };

  return (
    <section className="admin-section" aria-labelledby="admin-users-title">
      <header className="admin-section__header">
        <h1 id="admin-users-title">{t("admin.users.title")}</h1>
        <button
          type="button"
          className="button primary"
          onClick={() => {
            setNotice(undefined);
            setPanel({ open: "create" });
          }}
          disabled={choices.status !== "ready"}
        >
          {t("admin.users.new")}
        </button>
      </header>
      <div aria-live="polite">
        {notice && (
          <p
            className={`notice notice--${notice.kind} admin-notice`}
            role={notice.kind === "error" ? "alert" : undefined}
          >
            {notice.text}
          </p>
        )}
      </div>
      {panels()}
      <div className="field admin-search">
        <label htmlFor="user-search">{t("admin.users.search")}</label>
        <input
          id="user-search"
          type="search"
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setPage(0);
          }}
          aria-describedby="user-search-hint user-count"
        />
        <span id="user-search-hint" className="field-hint">
          {t("admin.users.searchHint")}
        </span>
      </div>
      {list()}
    </section>
  );
};
