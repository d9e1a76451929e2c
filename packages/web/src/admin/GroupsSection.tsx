import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/api-error.ts";
import { EmptyState, ErrorState, LoadingState } from "../ui/StateViews.tsx";
import { useResource } from "../ui/use-resource.ts";
import { type AdminGroup, adminApi } from "./admin-api.ts";
import { PanelForm } from "./PanelForm.tsx";
import { StackTable } from "./StackTable.tsx";
import { TextField } from "./TextField.tsx";

const GROUP_ID = /^[a-z][a-z0-9-]*$/;

const messageOf = (error: unknown): string =>
  error instanceof ApiError && error.problems.length > 0
    ? error.problems.map((problem) => problem.message).join(" ")
    : error instanceof Error
      ? error.message
      : String(error);

/** Creates a group (id and title) or renames one (title and description). */
const GroupForm = ({
  group,
  onSave,
  onCancel,
}: {
  group?: AdminGroup;
  onSave: (value: { id: string; title: string; description: string }) => Promise<void>;
  onCancel: () => void;
}) => {
  const { t } = useTranslation();
  const [id, setId] = useState(group?.id ?? "");
  const [title, setTitle] = useState(group?.title ?? "");
  const [description, setDescription] = useState(group?.description ?? "");
  const [tried, setTried] = useState(false);
  const [serverError, setServerError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const idError = group || !tried ? undefined : GROUP_ID.test(id) ? undefined : t("admin.groups.errors.id");
  const titleError = tried && title.trim() === "" ? t("admin.groups.errors.title") : undefined;

  const submit = async () => {
    setTried(true);
    if ((!group && !GROUP_ID.test(id)) || title.trim() === "") return;
    setBusy(true);
    try {
      await onSave({ id, title: title.trim(), description: description.trim() });
    } catch (error) {
      setServerError(messageOf(error));
      setBusy(false);
    }
  };

  const prefix = group ? "group-edit" : "group-create";
  return (
    <PanelForm
      title={group ? t("admin.groups.editTitle", { name: group.id }) : t("admin.groups.createTitle")}
      submitLabel={group ? t("admin.groups.save") : t("admin.groups.create")}
      busy={busy}
      problem={serverError}
      onSubmit={submit}
      onCancel={onCancel}
    >
      <div className="field-row">
        {!group && (
          <TextField
            id={`${prefix}-id`}
            label={t("admin.groups.fields.id")}
            hint={t("admin.groups.hints.id")}
            error={idError}
            value={id}
            onChange={(event) => setId(event.target.value.trim().toLowerCase())}
          />
        )}
        <TextField
          id={`${prefix}-title`}
          label={t("admin.groups.fields.title")}
          error={titleError}
          value={title}
          onChange={(event) => setTitle(event.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${prefix}-description`}>{t("admin.groups.fields.description")}</label>
        <textarea
          id={`${prefix}-description`}
          rows={2}
          value={description}
          onChange={(event) => setDescription(event.target.value)}
        />
      </div>
    </PanelForm>
  );
};

interface GroupsData {
  items: AdminGroup[];
  /** Display names by user id, to name the members. */
  names: Map<string, string>;
}

const loadGroups = async (signal: AbortSignal): Promise<GroupsData> => {
  const [groups, users] = await Promise.all([adminApi.listGroups(signal), adminApi.listUserNames(signal)]);
  return { items: groups.items, names: new Map(users.items.map((user) => [user.id, user.displayName])) };
};

const SHOWN_MEMBERS = 4;

/** Groups: the queues tasks are assigned to; list, create, rename. */
export const GroupsSection = () => {
  const { t } = useTranslation();
  const resource = useResource(loadGroups, "groups");
  const [panel, setPanel] = useState<
    { open: "none" } | { open: "create" } | { open: "edit"; group: AdminGroup }
  >({
    open: "none",
  });
  const [notice, setNotice] = useState<string | undefined>();

  const saved = (group: AdminGroup, text: string) => {
    if (!resource.data) return;
    const items = resource.data.items;
    const exists = items.some((item) => item.id === group.id);
    resource.set({
      ...resource.data,
      items: exists ? items.map((item) => (item.id === group.id ? group : item)) : [...items, group],
    });
    setPanel({ open: "none" });
    setNotice(text);
  };

  const body = () => {
    if (resource.status === "loading") return <LoadingState />;
    if (resource.status === "error") return <ErrorState error={resource.error} onRetry={resource.reload} />;
    const groups = [...resource.data.items].sort((a, b) => a.title.localeCompare(b.title));
    if (groups.length === 0) return <EmptyState title={t("admin.groups.empty")} />;
    return (
      <StackTable
        rows={groups}
        rowKey={(group) => group.id}
        columns={[
          {
            label: t("admin.groups.columns.title"),
            cell: (group) => (
              <>
                <strong>{group.title}</strong>
                <span className="muted admin-sub">{group.id}</span>
              </>
            ),
          },
          { label: t("admin.groups.columns.description"), cell: (group) => group.description ?? "" },
          {
            label: t("admin.groups.columns.members"),
            cell: (group) => (
              <>
                {group.members.length === 0
                  ? t("admin.groups.noMembers")
                  : t("admin.groups.members", {
                      count: group.members.length,
                      names: group.members
                        .slice(0, SHOWN_MEMBERS)
                        .map((id) => resource.data.names.get(id) ?? id)
                        .join(", "),
                    })}
                {group.members.length > SHOWN_MEMBERS &&
                  ` ${t("admin.groups.moreMembers", { count: group.members.length - SHOWN_MEMBERS })}`}
              </>
            ),
          },
          {
            label: t("admin.groups.columns.actions"),
            cell: (group) => (
              <button
                type="button"
                className="button small"
                onClick={() => setPanel({ open: "edit", group })}
                aria-label={t("admin.groups.editOf", { name: group.title })}
              >
                {t("admin.groups.edit")}
              </button>
            ),
          },
        ]}
      />
    );
  };

  return (
    <section className="admin-section" aria-labelledby="admin-groups-title">
      <header className="admin-section__header">
        <h1 id="admin-groups-title">{t("admin.groups.title")}</h1>
        <button
          type="button"
          className="button primary"
          onClick={() => setPanel({ open: "create" })}
          disabled={resource.status !== "ready"}
        >
          {t("admin.groups.new")}
        </button>
      </header>
      <div aria-live="polite">
        {notice && <p className="notice notice--success admin-notice">{notice}</p>}
      </div>
      {panel.open === "create" && (
        <GroupForm
          onCancel={() => setPanel({ open: "none" })}
          onSave={async (value) => {
            const group = await adminApi.createGroup({
              id: value.id,
              title: value.title,
              ...(value.description ? { description: value.description } : {}),
            });
            saved(group, t("admin.groups.createdDone", { name: group.title }));
          }}
        />
      )}
      {panel.open === "edit" && (
        <GroupForm
          key={panel.group.id}
          group={panel.group}
          onCancel={() => setPanel({ open: "none" })}
          onSave={async (value) => {
            const group = await adminApi.updateGroup(panel.group.id, {
              title: value.title,
              description: value.description === "" ? null : value.description,
            });
            saved(group, t("admin.groups.savedDone", { name: group.title }));
          }}
        />
      )}
      {body()}
    </section>
  );
};
