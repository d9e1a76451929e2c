import type { FormDefinition } from "@flowdesk/core";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";

interface JsonViewProps {
  definition: FormDefinition;
  onChange: (next: Pick<FormDefinition, "schema" | "uiSchema">) => void;
}

const show = (definition: FormDefinition) =>
  JSON.stringify({ schema: definition.schema, uiSchema: definition.uiSchema ?? {} }, null, 2);

/** Schema and uiSchema as JSON, editable: valid JSON flows back into the designer. */
export const JsonView = ({ definition, onChange }: JsonViewProps) => {
  const { t } = useTranslation();
  const [text, setText] = useState(() => show(definition));
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    if (!editing) setText(show(definition));
  }, [definition, editing]);

  return (
    <section className="json-view" aria-labelledby="json-view-title">
      <h2 id="json-view-title" className="panel-title">
        {t("formDesigner.json")}
      </h2>
      <textarea
        className="code json-view__text"
        aria-labelledby="json-view-title"
        aria-invalid={error !== undefined}
        aria-describedby="json-view-status"
        spellCheck={false}
        value={text}
        onFocus={() => setEditing(true)}
        onBlur={() => {
          setEditing(false);
          setError(undefined);
        }}
        onChange={(event) => {
          setText(event.target.value);
          try {
            const parsed = JSON.parse(event.target.value) as Record<string, unknown>;
            if (typeof parsed.schema !== "object" || parsed.schema === null)
              throw new Error(t("formDesigner.jsonNeedsSchema"));
            setError(undefined);
            onChange({
              schema: parsed.schema as FormDefinition["schema"],
              uiSchema: (parsed.uiSchema ?? {}) as Record<string, unknown>,
            });
          } catch (failure) {
            setError((failure as Error).message);
          }
        }}
      />
      <p id="json-view-status" className={error ? "field-error" : "field-hint"}>
        {error ? t("formDesigner.jsonInvalid", { reason: error }) : t("formDesigner.jsonHelp")}
      </p>
    </section>
  );
};
