import type { Problem } from "@flowdesk/core";
import { FIELD_NAME, type FormModel } from "./form-field.ts";

/**
 * Mistakes the designer can see in the fields themselves; pointers name the field in
 * the model (`/fields/2/name`) so the list can select it. The server checks the saved
 * JSON Schema again on publish.
 */
export const formModelProblems = (model: FormModel): Problem[] => {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  const error = (pointer: string, code: string, message: string) =>
    problems.push({ code, severity: "error", pointer, message });
  model.fields.forEach((field, index) => {
    if (!FIELD_NAME.test(field.name)) error(`/fields/${index}/name`, "field.name.invalid", field.name);
    else if (seen.has(field.name)) error(`/fields/${index}/name`, "field.name.duplicate", field.name);
    seen.add(field.name);
    if (field.label.trim() === "") error(`/fields/${index}/label`, "field.label.missing", field.name);
    const options = field.options?.filter((option) => option.trim() !== "");
    if ((field.kind === "choice" || field.kind === "multipleChoice") && (options?.length ?? 0) === 0) {
      error(`/fields/${index}/options`, "field.options.missing", field.label);
    }
    if (field.min !== undefined && field.max !== undefined && field.min > field.max) {
      error(`/fields/${index}/min`, "field.limits.inverted", field.label);
    }
    const rule = field.visibleWhen;
    if (rule && !model.fields.slice(0, index).some((other) => other.name === rule.field)) {
      error(`/fields/${index}/visibleWhen`, "field.visibility.unknown", field.label);
    }
  });
  return problems;
};
