import { useTranslation } from "react-i18next";
import {
  FIELD_NAME,
  type FieldValue,
  type FormField,
  hasGeneratedName,
  nameFromLabel,
} from "./model/form-field.ts";
import { PATTERN_KINDS } from "./model/form-schema.ts";

interface FieldPropertiesProps {
  field: FormField;
  /** Fields this one may depend on (those above it). */
  earlier: readonly FormField[];
  nameTaken: (name: string) => boolean;
  onChange: (next: FormField) => void;
}

const LIMITED = new Set(["number", "shortText", "longText", "multipleChoice"]);

const without = <K extends keyof FormField>(field: FormField, key: K): FormField => {
  const copy = { ...field };
  delete copy[key];
  return copy;
};

const parseValue = (kind: FormField["kind"], text: string): FieldValue | undefined => {
  if (text === "") return undefined;
  if (kind === "number") return Number.isNaN(Number(text)) ? undefined : Number(text);
  if (kind === "yesNo") return text === "true";
  return text;
};

/** Properties of the selected field: label, help, required, default, limits, visibility. */
export const FieldProperties = ({ field, earlier, nameTaken, onChange }: FieldPropertiesProps) => {
  const { t } = useTranslation();
  const set = <K extends keyof FormField>(key: K, value: FormField[K] | undefined) =>
    onChange(value === undefined || value === "" ? without(field, key) : { ...field, [key]: value });
  const nameInvalid = !FIELD_NAME.test(field.name) || nameTaken(field.name);
  const dependency = earlier.find((candidate) => candidate.name === field.visibleWhen?.field);
  const number = (text: string) => (text === "" || Number.isNaN(Number(text)) ? undefined : Number(text));

  return (
    <section className="side-panel" aria-labelledby="field-properties-title">
      <h2 id="field-properties-title" className="panel-title">
        {t("formDesigner.properties")} <span className="muted">{t(`fieldKinds.${field.kind}`)}</span>
      </h2>
      <div className="field">
        <label htmlFor="field-label">{t("formDesigner.label")}</label>
        <input
          id="field-label"
          value={field.label}
          onChange={(event) => {
            const label = event.target.value;
            // Until someone names the data themselves, the name follows the label.
            const derived = nameFromLabel(label);
            const follows = (hasGeneratedName(field) || field.name === nameFromLabel(field.label)) && derived;
            onChange(
              follows && !nameTaken(derived) ? { ...field, label, name: derived } : { ...field, label },
            );
          }}
        />
      </div>
      <div className="field">
        <label htmlFor="field-name">{t("formDesigner.name")}</label>
        <input
          id="field-name"
          className="code"
          value={field.name}
          aria-invalid={nameInvalid}
          aria-describedby="field-name-help"
          onChange={(event) => onChange({ ...field, name: event.target.value })}
        />
        <span id="field-name-help" className={nameInvalid ? "field-error" : "field-hint"}>
          {t("formDesigner.nameHelp")}
        </span>
      </div>
      <div className="field">
        <label htmlFor="field-help">{t("formDesigner.help")}</label>
        <input
          id="field-help"
          value={field.help ?? ""}
          onChange={(event) => set("help", event.target.value)}
        />
      </div>
      <div className="field field--inline">
        <input
          id="field-required"
          type="checkbox"
          checked={field.required}
          onChange={(event) => onChange({ ...field, required: event.target.checked })}
        />
        <label htmlFor="field-required">{t("formDesigner.required")}</label>
      </div>
      {field.kind === "choice" || field.kind === "multipleChoice" ? (
        <div className="field">
          <label htmlFor="field-options">{t("formDesigner.options")}</label>
          <textarea
            id="field-options"
            rows={4}
            aria-describedby="field-options-help"
            value={(field.options ?? []).join("\n")}
            onChange={(event) => onChange({ ...field, options: event.target.value.split("\n") })}
          />
          <span id="field-options-help" className="field-hint">
            {t("formDesigner.optionsHelp")}
          </span>
        </div>
      ) : null}
      {["shortText", "longText", "number", "email", "choice", "yesNo"].includes(field.kind) ? (
        <div className="field">
          <label htmlFor="field-default">{t("formDesigner.default")}</label>
          {field.kind === "yesNo" || field.kind === "choice" ? (
            <select
              id="field-default"
              value={field.default === undefined ? "" : String(field.default)}
              onChange={(event) => set("default", parseValue(field.kind, event.target.value))}
            >
              <option value="">{t("formDesigner.noDefault")}</option>
              {(field.kind === "yesNo" ? ["true", "false"] : (field.options ?? [])).map((option) => (
                <option key={option} value={option}>
                  {field.kind === "yesNo" ? t(option === "true" ? "common.yes" : "common.no") : option}
                </option>
              ))}
            </select>
          ) : (
            <input
              id="field-default"
              type={field.kind === "number" ? "number" : "text"}
              value={field.default === undefined ? "" : String(field.default)}
              onChange={(event) => set("default", parseValue(field.kind, event.target.value))}
            />
          )}
        </div>
      ) : null}
      {LIMITED.has(field.kind) ? (
        <div className="field-row">
          <div className="field">
            <label htmlFor="field-min">
              {t(field.kind === "number" ? "formDesigner.minimum" : "formDesigner.minLength")}
            </label>
            <input
              id="field-min"
              type="number"
              value={field.min ?? ""}
              onChange={(event) => set("min", number(event.target.value))}
            />
          </div>
          <div className="field">
            <label htmlFor="field-max">
              {t(field.kind === "number" ? "formDesigner.maximum" : "formDesigner.maxLength")}
            </label>
            <input
              id="field-max"
              type="number"
              value={field.max ?? ""}
              onChange={(event) => set("max", number(event.target.value))}
            />
          </div>
        </div>
      ) : null}
      {PATTERN_KINDS.has(field.kind) ? (
        <div className="field">
          <label htmlFor="field-pattern">{t("formDesigner.pattern")}</label>
          <input
            id="field-pattern"
            className="code"
            value={field.pattern ?? ""}
            onChange={(event) => set("pattern", event.target.value)}
          />
        </div>
      ) : null}
      <fieldset className="fieldset">
        <legend>{t("formDesigner.visibility")}</legend>
        <div className="field">
          <label htmlFor="field-visible-when">{t("formDesigner.showOnlyWhen")}</label>
          <select
            id="field-visible-when"
            value={field.visibleWhen?.field ?? ""}
            onChange={(event) =>
              set("visibleWhen", event.target.value === "" ? undefined : { field: event.target.value })
            }
          >
            <option value="">{t("formDesigner.alwaysVisible")}</option>
            {earlier.map((candidate) => (
              <option key={candidate.name} value={candidate.name}>
                {candidate.label}
              </option>
            ))}
          </select>
        </div>
        {field.visibleWhen && dependency ? (
          <div className="field">
            <label htmlFor="field-visible-equals">{t("formDesigner.hasValue")}</label>
            {dependency.kind === "choice" || dependency.kind === "yesNo" ? (
              <select
                id="field-visible-equals"
                value={field.visibleWhen.equals === undefined ? "" : String(field.visibleWhen.equals)}
                onChange={(event) => {
                  const equals = parseValue(dependency.kind, event.target.value);
                  const rule = { field: dependency.name };
                  onChange({ ...field, visibleWhen: equals === undefined ? rule : { ...rule, equals } });
                }}
              >
                <option value="">{t("formDesigner.anyValue")}</option>
                {(dependency.kind === "yesNo" ? ["true", "false"] : (dependency.options ?? [])).map(
                  (option) => (
                    <option key={option} value={option}>
                      {dependency.kind === "yesNo"
                        ? t(option === "true" ? "common.yes" : "common.no")
                        : option}
                    </option>
                  ),
                )}
              </select>
            ) : (
              <input
                id="field-visible-equals"
                value={field.visibleWhen.equals === undefined ? "" : String(field.visibleWhen.equals)}
                placeholder={t("formDesigner.anyValue")}
                onChange={(event) => {
                  const equals = parseValue(dependency.kind, event.target.value);
                  const rule = { field: dependency.name };
                  onChange({ ...field, visibleWhen: equals === undefined ? rule : { ...rule, equals } });
                }}
              />
            )}
            <span className="field-hint">{t("formDesigner.hiddenNeverRequired")}</span>
          </div>
        ) : null}
      </fieldset>
    </section>
  );
};
