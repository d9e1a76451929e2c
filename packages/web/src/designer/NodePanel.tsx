import type { NodeRegistry, Problem, WorkflowNode } from "@flowdesk/core";
import Form from "@rjsf/core";
import type { RJSFSchema, UiSchema } from "@rjsf/utils";
import { useTranslation } from "react-i18next";
import { problemText } from "../ui/problem-text.ts";
import { formValidator } from "../widgets/form-validator.ts";
import { pruneToOneOf } from "../widgets/prune-one-of.ts";
import { flowdeskWidgets } from "../widgets/rjsf-widgets.tsx";
import { rjsfTranslator } from "../widgets/translate-rjsf.ts";
import { withDisplayHints } from "../widgets/ui-schema-hints.ts";
import type { NodeSettings } from "./model/commands/node-commands.ts";
import { translatedNodeSchemas } from "./node-props-translation.ts";
import { panelTemplates } from "./panel-templates.tsx";
import { withPanelHints } from "./panel-ui-schema.ts";

interface NodePanelProps {
  node: WorkflowNode;
  registry: NodeRegistry;
  problems: readonly Problem[];
  onChange: (settings: NodeSettings) => void;
}

const same = (left: unknown, right: unknown) => JSON.stringify(left) === JSON.stringify(right);

/** Side panel of one node, generated from its type's propertySchema and uiSchema. */
export const NodePanel = ({ node, registry, problems, onChange }: NodePanelProps) => {
  const { t, i18n } = useTranslation();
  const descriptor = registry[node.type];
  // Titles, hints and option labels in the app's language; the stored config is unchanged.
  const panel = descriptor ? translatedNodeSchemas(descriptor, i18n) : undefined;
  const typeLabel = t(`nodeTypes.${node.type}`, { defaultValue: descriptor?.label ?? node.type });
  const settings = (name: string | undefined, config: Record<string, unknown>): NodeSettings =>
    name === undefined ? { config } : { name, config };
  return (
    <section className="side-panel" aria-labelledby="node-panel-title">
      <h2 id="node-panel-title" className="panel-title">
        {typeLabel} <span className="muted">{node.id}</span>
      </h2>
      <div className="field">
        <label htmlFor="node-name">{t("designer.nodeName")}</label>
        <input
          id="node-name"
          value={node.name ?? ""}
          onChange={(event) => onChange(settings(event.target.value, node.config))}
        />
      </div>
      {problems.length > 0 ? (
        <ul className="inline-errors" aria-label={t("problems.title")}>
          {problems.map((problem) => (
            <li key={`${problem.code}${problem.pointer}`}>{problemText(t, problem)}</li>
          ))}
        </ul>
      ) : null}
      {descriptor && panel ? (
        <Form
          key={node.id}
          className="rjsf node-form"
          idPrefix={`config-${node.id}`}
          schema={panel.schema as RJSFSchema}
          uiSchema={{
            ...(withPanelHints(panel.schema, withDisplayHints(panel.schema, panel.uiSchema)) as UiSchema),
            "ui:submitButtonOptions": { norender: true },
          }}
          formData={node.config}
          validator={formValidator}
          widgets={flowdeskWidgets}
          templates={panelTemplates}
          translateString={rjsfTranslator(t)}
          liveValidate="onChange"
          showErrorList={false}
          onChange={(event) => {
            const config = pruneToOneOf(descriptor.propertySchema, event.formData ?? {}) as Record<
              string,
              unknown
            >;
            // rjsf reports defaults it fills in on mount: only a real edit becomes a command.
            if (!same(config, node.config)) onChange(settings(node.name, config));
          }}
        />
      ) : (
        <p role="alert">{t("designer.unknownType", { type: node.type })}</p>
      )}
    </section>
  );
};
