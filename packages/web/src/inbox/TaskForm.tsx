import type { FormDefinition } from "@flowdesk/core";
import Form from "@rjsf/core";
import type { UiSchema } from "@rjsf/utils";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { formSetup } from "../widgets/form-setup.ts";
import type { TaskOutcome } from "./inbox-api.ts";

interface TaskFormProps {
  taskId: string;
  definition: FormDefinition | undefined;
  outcomes: TaskOutcome[];
  disabled: boolean;
  busy: boolean;
  onComplete: (outcome: string, data: Record<string, unknown>) => void;
}

/**
 * The task form exactly as designed (the same schema, widgets and ajv rules as the
 * portal) with one submit button per outcome: the form must be valid to leave by any.
 */
export const TaskForm = ({ taskId, definition, outcomes, disabled, busy, onComplete }: TaskFormProps) => {
  const { t } = useTranslation();
  const [data, setData] = useState<Record<string, unknown>>({});
  const chosen = useRef<string | undefined>(undefined);
  const buttons = (
    <fieldset className="task-outcomes">
      <legend className="visually-hidden">{t("inbox.detail.outcomes")}</legend>
      {outcomes.map((outcome, index) => (
        <button
          key={outcome.id}
          type="submit"
          className={index === 0 ? "button primary" : "button"}
          disabled={disabled || busy}
          onClick={() => {
            chosen.current = outcome.id;
          }}
        >
          {outcome.label}
        </button>
      ))}
    </fieldset>
  );
  if (definition === undefined) {
    return (
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (chosen.current !== undefined) onComplete(chosen.current, {});
        }}
      >
        {buttons}
      </form>
    );
  }
  return (
    <Form
      className="rjsf requester-form task-form"
      idPrefix={`task-${taskId}`}
      {...formSetup(definition, t)}
      uiSchema={(definition.uiSchema ?? {}) as UiSchema}
      formData={data}
      liveValidate="onBlur"
      disabled={disabled}
      onChange={(event) => setData((event.formData ?? {}) as Record<string, unknown>)}
      onSubmit={(event) => {
        if (chosen.current !== undefined)
          onComplete(chosen.current, (event.formData ?? {}) as Record<string, unknown>);
      }}
    >
      {buttons}
    </Form>
  );
};
