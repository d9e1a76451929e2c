import Form from "@rjsf/core";
import type { ErrorSchema, RJSFValidationError, UiSchema } from "@rjsf/utils";
import { useCallback, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/api-error.ts";
import { navigate } from "../app/hash-route.ts";
import { problemText } from "../ui/problem-text.ts";
import { formSetup } from "../widgets/form-setup.ts";
import { flowdeskWidgets } from "../widgets/rjsf-widgets.tsx";
import { fieldIdOfProperty, requesterErrors } from "./live-errors.ts";
import { type CatalogItem, type PublishedForm, portalApi } from "./portal-api.ts";
import { requesterUiSchema } from "./requester-ui-schema.ts";
import { ServiceLookupWidget } from "./ServiceLookupWidget.tsx";
import { problemsToErrorSchema } from "./server-problems.ts";

/** The form's data as an object (what the request carries), never null or a scalar. */
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const REQUESTER_WIDGETS = { ...flowdeskWidgets, serviceLookup: ServiceLookupWidget };

const changedFields = (before: unknown, after: unknown): string[] => {
  const a = (before ?? {}) as Record<string, unknown>;
  const b = (after ?? {}) as Record<string, unknown>;
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter(
    (key) => JSON.stringify(a[key]) !== JSON.stringify(b[key]),
  );
};

/**
 * The published form as rjsf renders it with the app's widgets and core's ajv: it checks
 * each field as the requester types (only fields they touched, until they try to submit),
 * and shows the server's own problems next to the fields they name.
 */
export const RequestForm = ({ item, form }: { item: CatalogItem; form: PublishedForm }) => {
  const { t } = useTranslation();
  const [data, setData] = useState<unknown>({});
  const [serverErrors, setServerErrors] = useState<ErrorSchema>({});
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const [submitting, setSubmitting] = useState(false);
  const touched = useRef(new Set<string>());
  const submitTried = useRef(false);
  const focusFirstError = useRef(false);
  const formRef = useRef<Form>(null);
  const uiSchema = useMemo(
    () =>
      ({
        ...requesterUiSchema(form.definition),
        "ui:submitButtonOptions": {
          submitText: submitting ? t("portal.item.submitting") : t("portal.item.submit"),
          props: { disabled: submitting, className: "button primary" },
        },
      }) as UiSchema,
    [form.definition, submitting, t],
  );

  // Untouched fields stay quiet while the requester works through the form top to bottom.
  const transformErrors = useCallback(
    (errors: RJSFValidationError[]) =>
      requesterErrors(errors, {
        touched: touched.current,
        submitTried: submitTried.current,
        requiredMessage: t("portal.item.required"),
      }),
    [t],
  );

  const submit = async (formData: unknown) => {
    setSubmitting(true);
    setFormErrors([]);
    try {
      const request = await portalApi.submit({
        catalogItemId: item.id,
        formVersion: form.version,
        data: isRecord(formData) ? formData : {},
      });
      navigate({ screen: "requests", id: request.id });
    } catch (error) {
      if (error instanceof ApiError && error.status === 422 && error.problems.length > 0) {
        const mapped = problemsToErrorSchema(error.problems, (problem) => problemText(t, problem));
        setServerErrors(mapped.fieldErrors);
        setFormErrors(mapped.formErrors.length > 0 ? mapped.formErrors : [t("portal.item.serverRefused")]);
      } else {
        setFormErrors([error instanceof ApiError ? error.message : t("common.unreachable")]);
      }
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <div
      onSubmitCapture={() => {
        submitTried.current = true;
        focusFirstError.current = true;
      }}
    >
      {formErrors.length > 0 ? (
        <div className="notice notice--error" role="alert">
          {formErrors.map((message) => (
            <p key={message}>{message}</p>
          ))}
        </div>
      ) : null}
      <Form
        ref={formRef}
        className="rjsf requester-form"
        {...formSetup(form.definition, t, REQUESTER_WIDGETS)}
        uiSchema={uiSchema}
        formData={data}
        liveValidate="onChange"
        noHtml5Validate
        onError={(errors) => {
          // Focus moves to the first problem only on a submit, not on the validation a blur runs.
          if (!focusFirstError.current) return;
          focusFirstError.current = false;
          const first = errors[0];
          if (first) document.getElementById(fieldIdOfProperty(first.property))?.focus();
        }}
        transformErrors={transformErrors}
        extraErrors={serverErrors}
        onChange={(event, id) => {
          if (id) touched.current.add(id);
          const changed = changedFields(data, event.formData);
          for (const field of changed) touched.current.add(`root_${field}`);
          if (changed.some((field) => field in serverErrors)) {
            const rest = { ...serverErrors } as Record<string, unknown>;
            for (const field of changed) delete rest[field];
            setServerErrors(rest as ErrorSchema);
            if (Object.keys(rest).length === 0) setFormErrors([]);
          }
          setData(event.formData);
        }}
        onFocus={(id) => touched.current.add(id)}
        onBlur={(id) => {
          // Leaving a required field empty is worth saying at once, not only on the next keystroke.
          touched.current.add(id);
          formRef.current?.validateForm();
        }}
        onSubmit={(event) => void submit(event.formData)}
      />
    </div>
  );
};
