import { type Ajv, createAjv, type JsonSchema, runFormSchema } from "@flowdesk/core";
import {
  type CustomValidator,
  type ErrorTransformer,
  hashForSchema,
  ID_KEY,
  RJSF_ADDITIONAL_PROPERTIES_FLAG,
  type RJSFSchema,
  ROOT_SCHEMA_PREFIX,
  type UiSchema,
  type ValidationData,
  type ValidatorType,
  withIdRefPrefix,
} from "@rjsf/utils";
import processRawValidationErrors from "@rjsf/validator-ajv8/lib/processRawValidationErrors.js";
import type { ErrorObject } from "ajv";

/** Puts ajv's messages into the person's language (mutates `message` in place). */
export type ErrorLocalizer = (errors?: null | ErrorObject[]) => void;

const withoutId = (schema: RJSFSchema): RJSFSchema => {
  const { [ID_KEY]: _dropped, ...rest } = schema;
  return rest;
};

/**
 * Quotes property names while the localizer writes its messages, so rjsf can swap a
 * quoted name for the field's title afterwards (what rjsf's own validator does).
 */
const localizeQuoted = (errors: ErrorObject[], localize: ErrorLocalizer): void => {
  const keys = ["missingProperty", "property"] as const;
  const quote = (wrap: (value: string) => string) => {
    for (const error of errors) {
      const params = error.params as Record<string, unknown>;
      for (const key of keys) if (typeof params[key] === "string") params[key] = wrap(params[key]);
      if (typeof params.deps === "string") params.deps = params.deps.split(", ").map(wrap).join(", ");
    }
  };
  quote((value) => `'${value}'`);
  localize(errors);
  quote((value) => value.slice(1, -1));
};

/**
 * rjsf's validator over core's form-data check. rjsf's own ajv8 validator makes its ajv
 * itself and always adds the formats `data-url` and `color`, and it registers a form's
 * `$id` (so an edited form with the same `$id` was checked by its stale first version).
 * The server knows neither format and ignores `$id`; running core's `runFormSchema`
 * here means the browser accepts exactly what the server accepts.
 */
export class CoreFormValidator implements ValidatorType<unknown, RJSFSchema> {
  /** For rjsf's branch choices (if/then, oneOf), with the root registered for `$ref`s. */
  private branchAjv: Ajv | undefined;
  private branchRoot: RJSFSchema | undefined;
  private branchRootText = "";
  /** Parts compiled against the current root: recompiled when the root changes. */
  private readonly branchKeys = new Set<string>();

  constructor(private readonly localize: ErrorLocalizer) {}

  rawValidation<Result = ErrorObject>(
    schema: RJSFSchema,
    formData?: unknown,
  ): { errors?: Result[]; validationError?: Error } {
    const verdict = runFormSchema(schema as JsonSchema, formData);
    if ("schemaError" in verdict) return { validationError: verdict.schemaError };
    if (verdict.errors.length === 0) return {};
    localizeQuoted(verdict.errors, this.localize);
    return { errors: verdict.errors as Result[] };
  }

  validateFormData(
    formData: unknown,
    schema: RJSFSchema,
    customValidate?: CustomValidator<unknown, RJSFSchema>,
    transformErrors?: ErrorTransformer<unknown, RJSFSchema>,
    uiSchema?: UiSchema<unknown, RJSFSchema>,
  ): ValidationData<unknown> {
    return processRawValidationErrors(
      this,
      this.rawValidation<ErrorObject>(schema, formData),
      formData,
      schema,
      customValidate,
      transformErrors,
      uiSchema,
    );
  }

  /**
   * Whether data fits a part of the form (which `then` applies, which `oneOf` option is
   * meant): decides what is shown, never what is accepted. Compiled by core's factory;
   * rjsf's internal `__rjsf_additionalProperties` marker is allowed here only.
   */
  isValid(schema: RJSFSchema, formData: unknown, rootSchema: RJSFSchema): boolean {
    try {
      const ajv = this.ajvFor(rootSchema);
      const prefixed = withoutId(withIdRefPrefix<RJSFSchema>(schema) as RJSFSchema);
      const key = hashForSchema(prefixed);
      let validate = ajv.getSchema(key);
      if (!validate) {
        this.branchKeys.add(key);
        validate = ajv.addSchema(prefixed, key).getSchema(key);
      }
      return validate ? validate(formData) === true : false;
    } catch {
      return false;
    }
  }

  reset(): void {
    this.branchAjv = undefined;
    this.branchRoot = undefined;
    this.branchRootText = "";
    this.branchKeys.clear();
  }

  private ajvFor(rootSchema: RJSFSchema): Ajv {
    if (this.branchAjv && this.branchRoot === rootSchema) return this.branchAjv;
    const text = JSON.stringify(rootSchema);
    if (this.branchAjv && text === this.branchRootText) {
      this.branchRoot = rootSchema;
      return this.branchAjv;
    }
    let ajv = this.branchAjv;
    if (!ajv) {
      ajv = createAjv();
      ajv.addKeyword(RJSF_ADDITIONAL_PROPERTIES_FLAG);
    }
    for (const key of this.branchKeys) ajv.removeSchema(key);
    this.branchKeys.clear();
    // removeSchema, not getSchema first: getSchema compiles, and a root the server would
    // refuse (say, an unknown format) would then throw here on every later form.
    ajv.removeSchema(ROOT_SCHEMA_PREFIX);
    ajv.addSchema(withoutId(rootSchema), ROOT_SCHEMA_PREFIX);
    this.branchAjv = ajv;
    this.branchRoot = rootSchema;
    this.branchRootText = text;
    return ajv;
  }
}
