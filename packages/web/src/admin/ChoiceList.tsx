import { useTranslation } from "react-i18next";

/** A multi-select as a group of checkboxes: every option visible, each with its own label. */
export const ChoiceList = ({
  id,
  legend,
  options,
  selected,
  onChange,
  error,
}: {
  id: string;
  legend: string;
  options: readonly { value: string; label: string }[];
  selected: readonly string[];
  onChange: (next: string[]) => void;
  error?: string | undefined;
}) => {
  const { t } = useTranslation();
  const toggle = (value: string, on: boolean) =>
    onChange(on ? [...selected, value] : selected.filter((item) => item !== value));
  return (
    <fieldset
      className="fieldset admin-choices"
      aria-describedby={error ? `${id}-error` : undefined}
      aria-invalid={error ? true : undefined}
    >
      <legend>{legend}</legend>
      {options.length === 0 ? (
        <p className="field-hint">{t("admin.users.noOptions")}</p>
      ) : (
        <ul>
          {options.map((option) => (
            <li key={option.value}>
              <label>
                <input
                  type="checkbox"
                  name={id}
                  value={option.value}
                  checked={selected.includes(option.value)}
                  onChange={(event) => toggle(option.value, event.target.checked)}
                />{" "}
                {option.label}
              </label>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
};
