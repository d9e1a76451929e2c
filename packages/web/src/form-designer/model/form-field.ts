/** Field kinds the form designer's palette offers, in palette order. */
export const FIELD_KINDS = [
  "shortText",
  "longText",
  "number",
  "choice",
  "multipleChoice",
  "yesNo",
  "date",
  "dateTime",
  "email",
  "user",
  "group",
  "configurationItem",
  "attachment",
] as const;

export type FieldKind = (typeof FIELD_KINDS)[number];

export type FieldValue = string | number | boolean;

/** "Show this field only when `field` has a value" (any value, or exactly `equals`). */
export interface VisibilityRule {
  field: string;
  equals?: FieldValue;
}

/** One question of a catalog or task form, as the designer edits it. */
export interface FormField {
  /** Property name in the submitted data; also the variable name workflows read. */
  name: string;
  kind: FieldKind;
  label: string;
  help?: string;
  required: boolean;
  default?: unknown;
  /** Minimum: value (number), length (text) or picks (multiple choice). */
  min?: number;
  max?: number;
  pattern?: string;
  /** Choices of choice and multiple choice. */
  options?: string[];
  visibleWhen?: VisibilityRule;
}

export interface FormModel {
  id: string;
  title: string;
  description?: string;
  fields: FormField[];
}

export const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

const hasOptions = (kind: FieldKind) => kind === "choice" || kind === "multipleChoice";

/** A fresh field of `kind` with a name no other field uses. */
export const newField = (model: FormModel, kind: FieldKind, label: string): FormField => {
  const taken = new Set(model.fields.map((field) => field.name));
  const base = kind.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
  let counter = 1;
  while (taken.has(`${base}_${counter}`)) counter += 1;
  const field: FormField = { name: `${base}_${counter}`, kind, label, required: false };
  return hasOptions(kind) ? { ...field, options: ["Option 1", "Option 2"] } : field;
};
