import type { RegistryWidgetsType, WidgetProps } from "@rjsf/utils";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../api/api-client.ts";
import { expressionIssues } from "../core-bridge/core-rules.ts";
import { type DurationUnit, formatDuration, parseDuration } from "./iso-duration.ts";
import { LabelledSelectWidget } from "./LabelledSelectWidget.tsx";
import { directoryLoader, LookupCombobox } from "./LookupCombobox.tsx";

/** CEL source with the parse errors from core shown under it while typing. */
export const CelExpressionWidget = ({
  id,
  value,
  onChange,
  onBlur,
  disabled,
  readonly,
  required,
}: WidgetProps) => {
  const { t } = useTranslation();
  const issues = typeof value === "string" && value !== "" ? expressionIssues(value) : [];
  const issuesId = `${id}__issues`;
  return (
    <div className="cel-editor">
      <textarea
        id={id}
        className="code"
        rows={2}
        spellCheck={false}
        value={typeof value === "string" ? value : ""}
        disabled={disabled || readonly}
        required={required}
        aria-invalid={issues.length > 0}
        aria-describedby={issues.length > 0 ? issuesId : undefined}
        placeholder={t("widgets.celPlaceholder")}
        onChange={(event) => onChange(event.target.value === "" ? undefined : event.target.value)}
        onBlur={(event) => onBlur(id, event.target.value)}
      />
      {issues.length > 0 ? (
        <ul id={issuesId} className="inline-errors">
          {issues.map((issue) => (
            <li key={`${issue.offset ?? ""}${issue.message}`}>
              {issue.offset === undefined
                ? issue.message
                : t("widgets.celAt", { offset: issue.offset + 1, message: issue.message })}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
};

const lookupWidget =
  (load: ReturnType<typeof directoryLoader>) =>
  ({ id, value, onChange, disabled, readonly, required, label }: WidgetProps) => (
    <LookupCombobox
      id={id}
      value={typeof value === "string" ? value : undefined}
      onChange={(next) => onChange(next)}
      load={load}
      label={label}
      disabled={disabled || readonly}
      required={required}
    />
  );

const loadDefinitions = (collection: "forms" | "workflows") => async (query: string) => {
  const { items } = await api.list(collection);
  const needle = query.toLowerCase();
  return items
    .filter((item) => item.id.includes(needle) || item.title.toLowerCase().includes(needle))
    .map((item) => ({ value: item.id, label: item.title }));
};

/** ISO 8601 duration as an amount and a unit; unusual durations stay editable as text. */
export const DurationWidget = ({ id, value, onChange, disabled, readonly }: WidgetProps) => {
  const { t } = useTranslation();
  const unitId = useId();
  const parsed = parseDuration(typeof value === "string" ? value : undefined);
  const [raw, setRaw] = useState(parsed === undefined && typeof value === "string");
  if (raw) {
    return (
      <input
        id={id}
        className="code"
        value={typeof value === "string" ? value : ""}
        disabled={disabled || readonly}
        placeholder="PT4H"
        onChange={(event) => {
          onChange(event.target.value === "" ? undefined : event.target.value);
          if (parseDuration(event.target.value)) setRaw(false);
        }}
      />
    );
  }
  const amount = parsed?.amount;
  const unit: DurationUnit = parsed?.unit ?? "hours";
  return (
    <div className="duration-input">
      <input
        id={id}
        type="number"
        min={0}
        value={amount ?? ""}
        disabled={disabled || readonly}
        onChange={(event) =>
          onChange(event.target.value === "" ? undefined : formatDuration(Number(event.target.value), unit))
        }
      />
      <label className="visually-hidden" htmlFor={unitId}>
        {t("widgets.durationUnit")}
      </label>
      <select
        id={unitId}
        value={unit}
        disabled={disabled || readonly}
        onChange={(event) => onChange(formatDuration(amount ?? 1, event.target.value as DurationUnit))}
      >
        <option value="minutes">{t("widgets.minutes")}</option>
        <option value="hours">{t("widgets.hours")}</option>
        <option value="days">{t("widgets.days")}</option>
      </select>
      <button type="button" className="button link" onClick={() => setRaw(true)}>
        {t("widgets.durationRaw")}
      </button>
    </div>
  );
};

/** Custom widgets the node descriptors' uiSchemas and catalog forms name. */
export const flowdeskWidgets: RegistryWidgetsType = {
  SelectWidget: LabelledSelectWidget,
  celExpression: CelExpressionWidget,
  durationInput: DurationWidget,
  userPicker: lookupWidget(directoryLoader("users")),
  groupPicker: lookupWidget(directoryLoader("groups")),
  formPicker: lookupWidget(loadDefinitions("forms")),
  workflowPicker: lookupWidget(loadDefinitions("workflows")),
  userLookup: lookupWidget(directoryLoader("users")),
  groupLookup: lookupWidget(directoryLoader("groups")),
  configurationItemLookup: lookupWidget(directoryLoader("configuration-items")),
};
