import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { AdminUser } from "./admin-api.ts";
import { PanelForm } from "./PanelForm.tsx";
import { TextField } from "./TextField.tsx";
import { checkPassword, MIN_PASSWORD_LENGTH, serverFieldErrors } from "./user-validation.ts";

/** Sets a new password for a user; the server ends every session they have. */
export const PasswordReset = ({
  user,
  onReset,
  onCancel,
}: {
  user: AdminUser;
  onReset: (password: string) => Promise<void>;
  onCancel: () => void;
}) => {
  const { t } = useTranslation();
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const problem = checkPassword(password);
    if (problem) return setError(t(`admin.users.errors.${problem}`, { min: MIN_PASSWORD_LENGTH }));
    setBusy(true);
    try {
      await onReset(password);
    } catch (failure) {
      const { fields, general } = serverFieldErrors(failure);
      setError(fields.password ?? general);
      setBusy(false);
    }
  };

  return (
    <PanelForm
      title={t("admin.users.resetTitle", { name: user.username })}
      submitLabel={t("admin.users.resetPassword")}
      busy={busy}
      onSubmit={submit}
      onCancel={onCancel}
    >
      <p className="field-hint">{t("admin.users.resetHint")}</p>
      <TextField
        id="user-reset-password"
        label={t("admin.users.fields.newPassword")}
        hint={t("admin.users.hints.password", { min: MIN_PASSWORD_LENGTH })}
        error={error}
        type="password"
        autoComplete="new-password"
        value={password}
        onChange={(event) => {
          setPassword(event.target.value);
          setError(undefined);
        }}
      />
    </PanelForm>
  );
};
