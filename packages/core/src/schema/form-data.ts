import type { FormDefinition } from "../definitions/index.ts";
import type { Problem } from "../problem.ts";
import { ajvErrorsToProblems } from "../validation/ajv-problems.ts";
import { PROBLEM_CODES } from "../validation/problem-codes.ts";
import { compileUserSchema } from "./ajv.ts";

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
    const validate = compileUserSchema(schema);
    if (validate instanceof Error) return [formBroken(validate.message)];
    if (validate(data)) return [];
    return ajvErrorsToProblems(validate.errors, { audience: "formData", root: data });
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
