import type { FormDefinition } from "@flowdesk/core";
import Form from "@rjsf/core";
import type { RJSFSchema, UiSchema } from "@rjsf/utils";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { formValidator } from "../widgets/form-validator.ts";
import { flowdeskWidgets } from "../widgets/rjsf-widgets.tsx";
import { rjsfTranslator } from "../widgets/translate-rjsf.ts";

/** The form exactly as requesters get it: same schema, widgets and ajv rules. */
export const FormPreview = ({ definition }: { definition: FormDefinition }) => {
  const { t } = useTranslation();
  const [data, setData] = useState<unknown>({});
  const [submitted, setSubmitted] = useState(false);
  return (
    <section className="preview" aria-labelledby="preview-title">
      <h2 id="preview-title" className="panel-title">
        {t("formDesigner.preview")}
      </h2>
      <div className="preview__frame">
        <h3 className="preview__form-title">{definition.title}</h3>
        <Form
          className="rjsf requester-form"
          idPrefix="preview"
          schema={definition.schema as RJSFSchema}
          uiSchema={{
            ...((definition.uiSchema ?? {}) as UiSchema),
            "ui:submitButtonOptions": { submitText: t("formDesigner.previewSubmit") },
          }}
          formData={data}
          validator={formValidator}
          widgets={flowdeskWidgets}
          translateString={rjsfTranslator(t)}
          liveValidate="onBlur"
          showErrorList={false}
          onChange={(event) => {
            setData(event.formData);
            setSubmitted(false);
          }}
          onSubmit={() => setSubmitted(true)}
        />
        <p role="status" className="notice notice--success">
          {submitted ? t("formDesigner.previewValid") : ""}
        </p>
      </div>
    </section>
  );
};
