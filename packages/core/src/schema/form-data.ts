import type { ErrorObject } from "ajv";
import type { FormDefinition, JsonSchema } from "../definitions/index.ts";
import type { Problem } from "../problem.ts";
import { ajvErrorsToProblems } from "../validation/ajv-problems.ts";
import { PROBLEM_CODES } from "../validation/problem-codes.ts";
import { compileUserSchema } from "./ajv.ts";

/**
 * The raw verdict of a form's data schema on some data: ajv's errors (empty when the
 * data is accepted), or why the schema itself cannot be used.
 */
export type FormSchemaVerdict = { errors: ErrorObject[] } | { schemaError: Error };

/**
 * Runs a form's data schema on data. This is THE check of form data: the server's
 * `validateFormData` and the browser's rjsf validator both call it, so both compile with
 * the one ajv factory, know the same formats and treat `$id` the same way (dropped).
 * The errors are copies: the compiled validator is shared and cached.
 */
export const runFormSchema = (schema: JsonSchema, data: unknown): FormSchemaVerdict => {
  const validate = compileUserSchema(schema);
  if (validate instanceof Error) return { schemaError: validate };
  if (validate(data)) return { errors: [] };
  return { errors: [...(validate.errors ?? [])] };
};

/**
 * Checks data a requester (or an agent, for a task form) entered against the form's
 * schema. The browser calls it as they type and the server again on submit, with the
 * same ajv rules, so both say the same thing: one problem per field, pointing into the
 * data, in words built from the field titles ("Description is required.").
 */
export const validateFormData = (form: FormDefinition, data: unknown): Problem[] => {
  try {
    const schema = form?.schema;
    if (!schema || typeof schema !== "object" || Array.isArray(schema)) {
      return [formBroken(`form "${String(form?.id)}" has no data schema`)];
    }
    const verdict = runFormSchema(schema, data);
    if ("schemaError" in verdict) return [formBroken(verdict.schemaError.message)];
    if (verdict.errors.length === 0) return [];
    return ajvErrorsToProblems(verdict.errors, { audience: "formData", root: data });
  } catch (error) {
    return [formBroken(error instanceof Error ? error.message : String(error))];
  }
};

const formBroken = (reason: string): Problem => ({
  code: PROBLEM_CODES.invalidFormSchema,
  severity: "error",
  pointer: "",
  message: `This form cannot be checked: ${reason}.`,
  params: { reason, variant: "formData" },
});
