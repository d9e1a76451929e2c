import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useCurrentUser } from "../app/session-context.tsx";
import { EmptyState, ErrorState, LoadingState } from "../ui/StateViews.tsx";
import { useResource } from "../ui/use-resource.ts";
import { type AdminGroup, type AdminUser, adminApi, type RoleInfo } from "./admin-api.ts";
import { PasswordReset } from "./PasswordReset.tsx";
import { UserForm } from "./UserForm.tsx";
import { searchUsers } from "./user-search.ts";
import { EMPTY_USER_DRAFT } from "./user-validation.ts";

interface UsersData {
  users: AdminUser[];
  total: number;
  roles: RoleInfo[];
  groups: AdminGroup[];
}

type Panel = { open: "none" } | { open: "create" } | { open: "edit" | "reset"; user: AdminUser };

const loadUsers = async (signal: AbortSignal): Promise<UsersData> => {
  const [users, roles, groups] = await Promise.all([
    adminApi.listUsers(signal),
    adminApi.listRoles(signal),
    adminApi.listGroups(signal),
  ]);
  return { users: users.items, total: users.total, roles: roles.items, groups: groups.items };
};

/** Users: search, create, edit roles and groups, disable or enable, reset a password. */
export const UsersSection = () => {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const resource = useResource(loadUsers, "users");
  const [query, setQuery] = useState("");
  const [panel, setPanel] = useState<Panel>({ open: "none" });
  const [notice, setNotice] = useState<{ kind: "success" | "error"; text: string } | undefined>();

  const replace = (user: AdminUser) => {
    if (!resource.data) return;
    const exists = resource.data.users.some((item) => item.id === user.id);
    const users = exists
      ? resource.data.users.map((item) => (item.id === user.id ? user : item))
      : [...resource.data.users, user];
    resource.set({ ...resource.data, users, total: resource.data.total + (exists ? 0 : 1) });
  };

  const done = (text: string, user: AdminUser) => {
    replace(user);
    setPanel({ open: "none" });
    setNotice({ kind: "success", text });
  };

  const toggleDisabled = async (user: AdminUser) => {
    try {
      const changed = await adminApi.updateUser(user.id, { disabled: !user.disabled });
      done(
        t(changed.disabled ? "admin.users.disabledDone" : "admin.users.enabledDone", { name: user.username }),
        changed,
      );
    } catch (error) {
      setNotice({ kind: "error", text: error instanceof Error ? error.message : String(error) });
    }
  };

  const body = () => {
    if (resource.status === "loading") return <LoadingState />;
    if (resource.status === "error" && !resource.data)
      return <ErrorState error={resource.error} onRetry={resource.reload} />;
    const data = resource.data as UsersData;
    const groupTitle = new Map(data.groups.map((group) => [group.id, group.title]));
    const found = searchUsers(data.users, query);
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
                roles: draft.roles,
                groups: draft.groups,
                ...(email ? { email } : {}),
              });
              done(t("admin.users.createdDone", { name: created.username }), created);
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
                roles: draft.roles,
                groups: draft.groups,
              });
              done(t("admin.users.savedDone", { name: changed.username }), changed);
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
              done(t("admin.users.resetDone", { name: changed.username }), changed);
            }}
          />
        )}
        <div className="field admin-search">
          <label htmlFor="user-search">{t("admin.users.search")}</label>
          <input
            id="user-search"
            type="search"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            aria-describedby="user-count"
          />
          <span id="user-count" className="field-hint">
            {t("admin.users.count", { shown: found.length, total: data.total })}
          </span>
        </div>
        {found.length === 0 ? (
          <EmptyState title={query ? t("admin.users.noMatch") : t("admin.users.empty")} />
        ) : (
          <div className="admin-table-wrap">
            <table className="data-table admin-stack-table">
              <thead>
                <tr>
                  <th scope="col">{t("admin.users.columns.name")}</th>
                  <th scope="col">{t("admin.users.columns.roles")}</th>
                  <th scope="col">{t("admin.users.columns.groups")}</th>
                  <th scope="col">{t("admin.users.columns.status")}</th>
                  <th scope="col">{t("admin.users.columns.actions")}</th>
                </tr>
              </thead>
              <tbody>
                {found.map((user) => (
                  <tr key={user.id} data-username={user.username}>
                    <td data-label={t("admin.users.columns.name")}>
                      <strong>{user.displayName}</strong>
                      <span className="muted admin-sub">
                        {user.username}
                        {user.email ? ` · ${user.email}` : ""}
                      </span>
                    </td>
                    <td data-label={t("admin.users.columns.roles")}>
                      {user.roles.map((role) => t(`admin.roles.names.${role}`, role)).join(", ")}
                    </td>
                    <td data-label={t("admin.users.columns.groups")}>
                      {user.groups.length === 0
                        ? t("admin.users.noGroups")
                        : user.groups.map((group) => groupTitle.get(group) ?? group).join(", ")}
                    </td>
                    <td data-label={t("admin.users.columns.status")}>
                      <span className={`admin-badge admin-badge--${user.disabled ? "disabled" : "active"}`}>
                        {user.disabled ? t("admin.users.disabled") : t("admin.users.active")}
                      </span>
                    </td>
                    <td data-label={t("admin.users.columns.actions")}>
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
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
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
          disabled={resource.status !== "ready"}
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
      {body()}
    </section>
  );
};
