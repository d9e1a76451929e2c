import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { directoryLoader, LookupCombobox } from "../widgets/LookupCombobox.tsx";

type Target = "user" | "group";

const loaders = { user: directoryLoader("users"), group: directoryLoader("groups") };

/** Send the task to another person or another group's queue, picked from the directory. */
export const ReassignForm = ({
  busy,
  onReassign,
}: {
  busy: boolean;
  onReassign: (to: { user: string } | { group: string }) => void;
}) => {
  const { t } = useTranslation();
  const id = useId();
  const [target, setTarget] = useState<Target>("user");
  const [value, setValue] = useState<string | undefined>(undefined);
  return (
    <form
      className="reassign-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (value === undefined) return;
        onReassign(target === "user" ? { user: value } : { group: value });
      }}
    >
      <fieldset className="fieldset">
        <legend>{t("inbox.reassign.title")}</legend>
        <div className="reassign-form__targets">
          {(["user", "group"] as const).map((candidate) => (
            <label key={candidate} className="field--inline">
              <input
                type="radio"
                name={`${id}-target`}
                checked={target === candidate}
                onChange={() => {
                  setTarget(candidate);
                  setValue(undefined);
                }}
              />
              {t(`inbox.reassign.to.${candidate}`)}
            </label>
          ))}
        </div>
        <div className="field">
          <label htmlFor={`${id}-${target}`}>{t(`inbox.reassign.pick.${target}`)}</label>
          <LookupCombobox
            key={target}
            id={`${id}-${target}`}
            value={value}
            onChange={setValue}
            load={loaders[target]}
            label={t(`inbox.reassign.pick.${target}`)}
          />
        </div>
        <button type="submit" className="button" disabled={busy || value === undefined}>
          {t("inbox.reassign.submit")}
        </button>
      </fieldset>
    </form>
  );
};
