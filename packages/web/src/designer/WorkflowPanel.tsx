import type { WorkflowDefinition } from "@flowdesk/core";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { WorkflowSettings } from "./model/commands/selection-commands.ts";

/** Shown when nothing is selected: the workflow's own title and description. */
export const WorkflowPanel = ({
  definition,
  onChange,
}: {
  definition: WorkflowDefinition;
  onChange: (settings: WorkflowSettings) => void;
}) => {
  const { t } = useTranslation();
  const current: WorkflowSettings = {
    title: definition.title,
    description: definition.description,
    variables: definition.variables,
  };
  const shown = JSON.stringify(definition.variables, null, 2);
  const [variablesText, setVariablesText] = useState(shown);
  const [variablesError, setVariablesError] = useState<string | undefined>();
  useEffect(() => setVariablesText(shown), [shown]);
  return (
    <section className="side-panel" aria-labelledby="workflow-panel-title">
      <h2 id="workflow-panel-title" className="panel-title">
        {t("designer.workflowSettings")}
      </h2>
      <div className="field">
        <label htmlFor="workflow-title">{t("designer.title")}</label>
        <input
          id="workflow-title"
          value={definition.title}
          onChange={(event) => onChange({ ...current, title: event.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor="workflow-description">{t("designer.description")}</label>
        <textarea
          id="workflow-description"
          rows={3}
          value={definition.description ?? ""}
          onChange={(event) =>
            onChange({ ...current, description: event.target.value === "" ? undefined : event.target.value })
          }
        />
      </div>
      <div className="field">
        <label htmlFor="workflow-variables">{t("designer.variables")}</label>
        <textarea
          id="workflow-variables"
          className="code"
          rows={8}
          spellCheck={false}
          value={variablesText}
          aria-invalid={variablesError !== undefined}
          aria-describedby="workflow-variables-help"
          onChange={(event) => {
            setVariablesText(event.target.value);
            try {
              const variables = JSON.parse(event.target.value) as unknown;
              if (typeof variables !== "object" || variables === null || Array.isArray(variables)) {
                throw new Error(t("designer.variablesObject"));
              }
              setVariablesError(undefined);
              onChange({ ...current, variables: variables as WorkflowDefinition["variables"] });
            } catch (error) {
              setVariablesError((error as Error).message);
            }
          }}
        />
        <span id="workflow-variables-help" className={variablesError ? "field-error" : "field-hint"}>
          {variablesError ?? t("designer.variablesHelp")}
        </span>
      </div>
      <p className="field-hint">{t("designer.selectHint")}</p>
    </section>
  );
};
