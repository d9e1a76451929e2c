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

const kindBase = (kind: FieldKind) => kind.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

/** The name still is the one the palette gave (`short_text_2`), not one a person chose. */
export const hasGeneratedName = (field: FormField): boolean =>
  new RegExp(`^${kindBase(field.kind)}_\\d+$`).test(field.name);

/** A data name from a label: "Asset tag" -> "asset_tag"; undefined when nothing usable is left. */
export const nameFromLabel = (label: string): string | undefined => {
  const slug = label
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
  if (slug === "") return undefined;
  return /^[a-z_]/.test(slug) ? slug : `field_${slug}`;
};

/** A fresh field of `kind` with a name no other field uses. */
export const newField = (model: FormModel, kind: FieldKind, label: string): FormField => {
  const taken = new Set(model.fields.map((field) => field.name));
  const base = kindBase(kind);
  let counter = 1;
  while (taken.has(`${base}_${counter}`)) counter += 1;
  const field: FormField = { name: `${base}_${counter}`, kind, label, required: false };
  return hasOptions(kind) ? { ...field, options: ["Option 1", "Option 2"] } : field;
};
