import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { directoryLoader, LookupCombobox } from "../widgets/LookupCombobox.tsx";

const loadUsers = directoryLoader("users");

/** Hand an approval to a colleague, who then decides in the approver's place; the note travels with it. */
export const DelegateForm = ({
  busy,
  onDelegate,
}: {
  busy: boolean;
  onDelegate: (to: string, comment: string) => void;
}) => {
  const { t } = useTranslation();
  const id = useId();
  const [user, setUser] = useState<string | undefined>(undefined);
  const [comment, setComment] = useState("");
  return (
    <form
      className="delegate-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (user !== undefined) onDelegate(user, comment);
      }}
    >
      <fieldset className="fieldset">
        <legend>{t("inbox.delegate.title")}</legend>
        <p className="muted">{t("inbox.delegate.hint")}</p>
        <div className="field">
          <label htmlFor={`${id}-user`}>{t("inbox.delegate.pick")}</label>
          <LookupCombobox
            id={`${id}-user`}
            value={user}
            onChange={setUser}
            load={loadUsers}
            label={t("inbox.delegate.pick")}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-comment`}>{t("inbox.delegate.comment")}</label>
          <textarea
            id={`${id}-comment`}
            rows={2}
            maxLength={4000}
            value={comment}
            onChange={(event) => setComment(event.target.value)}
          />
        </div>
        <button type="submit" className="button" disabled={busy || user === undefined}>
          {t("inbox.delegate.submit")}
        </button>
      </fieldset>
    </form>
  );
};
