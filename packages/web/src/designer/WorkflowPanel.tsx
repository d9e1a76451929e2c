import type { WorkflowDefinition } from "@flowdesk/core";
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
      <p className="field-hint">{t("designer.selectHint")}</p>
    </section>
  );
};
