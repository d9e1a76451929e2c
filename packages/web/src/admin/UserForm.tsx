import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { AdminGroup, RoleInfo } from "./admin-api.ts";
import { ChoiceList } from "./ChoiceList.tsx";
import { PanelForm } from "./PanelForm.tsx";
import { TextField } from "./TextField.tsx";
import {
  type FieldErrors,
  MIN_PASSWORD_LENGTH,
  serverFieldErrors,
  type UserDraft,
  type UserField,
  validateUserDraft,
} from "./user-validation.ts";

/**
 * Creates a user, or edits one's name, e-mail, roles and groups. The browser checks the
 * server's own rules first; what the server still refuses is shown next to the field it names.
 */
export const UserForm = ({
  mode,
  initial,
  roles,
  groups,
  onSubmit,
  onCancel,
}: {
  mode: "create" | "edit";
  initial: UserDraft;
  roles: readonly RoleInfo[];
  groups: readonly AdminGroup[];
  onSubmit: (draft: UserDraft) => Promise<void>;
  onCancel: () => void;
}) => {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(initial);
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [server, setServer] = useState<{ fields: Partial<Record<UserField, string>>; general?: string }>({
    fields: {},
  });
  const local: FieldErrors = tried ? validateUserDraft(draft, mode) : {};
  const errorOf = (field: UserField): string | undefined => {
    const key = local[field];
    return key ? t(`admin.users.errors.${key}`, { min: MIN_PASSWORD_LENGTH }) : server.fields[field];
  };
  const change = (patch: Partial<UserDraft>) => {
    setDraft((previous) => ({ ...previous, ...patch }));
    // A field the person changes no longer carries the server's old complaint.
    setServer((previous) => {
      const fields = { ...previous.fields };
      for (const key of Object.keys(patch)) delete fields[key as UserField];
      return { fields };
    });
  };

  const submit = async () => {
    setTried(true);
    if (Object.keys(validateUserDraft(draft, mode)).length > 0) return;
    setBusy(true);
    try {
      await onSubmit(draft);
    } catch (error) {
      setServer(serverFieldErrors(error));
      setBusy(false);
    }
  };

  const prefix = `user-${mode}`;
  return (
    <PanelForm
      title={
        mode === "create"
          ? t("admin.users.createTitle")
          : t("admin.users.editTitle", { name: initial.username })
      }
      submitLabel={mode === "create" ? t("admin.users.create") : t("admin.users.save")}
      busy={busy}
      problem={server.general}
      onSubmit={submit}
      onCancel={onCancel}
    >
      <div className="field-row">
        {mode === "create" && (
          <TextField
            id={`${prefix}-username`}
            label={t("admin.users.fields.username")}
            hint={t("admin.users.hints.username")}
            error={errorOf("username")}
            value={draft.username}
            autoComplete="off"
            onChange={(event) => change({ username: event.target.value.trim().toLowerCase() })}
          />
        )}
        <TextField
          id={`${prefix}-display-name`}
          label={t("admin.users.fields.displayName")}
          error={errorOf("displayName")}
          value={draft.displayName}
          onChange={(event) => change({ displayName: event.target.value })}
        />
        <TextField
          id={`${prefix}-email`}
          label={t("admin.users.fields.email")}
          hint={t("admin.users.hints.email")}
          error={errorOf("email")}
          type="email"
          value={draft.email}
          onChange={(event) => change({ email: event.target.value })}
        />
        {mode === "create" && (
          <TextField
            id={`${prefix}-password`}
            label={t("admin.users.fields.password")}
            hint={t("admin.users.hints.password", { min: MIN_PASSWORD_LENGTH })}
            error={errorOf("password")}
            type="password"
            autoComplete="new-password"
            value={draft.password}
            onChange={(event) => change({ password: event.target.value })}
          />
        )}
      </div>
      <div className="field-row">
        <ChoiceList
          id={`${prefix}-roles`}
          legend={t("admin.users.fields.roles")}
          options={roles.map((role) => ({
            value: role.id,
            label: t(`admin.roles.names.${role.id}`, role.id),
          }))}
          selected={draft.roles}
          onChange={(next) => change({ roles: next })}
          error={errorOf("roles")}
        />
        <ChoiceList
          id={`${prefix}-groups`}
          legend={t("admin.users.fields.groups")}
          options={groups.map((group) => ({ value: group.id, label: group.title }))}
          selected={draft.groups}
          onChange={(next) => change({ groups: next })}
          error={errorOf("groups")}
        />
      </div>
    </PanelForm>
  );
};
