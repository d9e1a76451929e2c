import type { FormDefinition, JsonSchema, LookupSource } from "@flowdesk/core";
import type { FieldKind, FormField, FormModel, VisibilityRule } from "./form-field.ts";

/*
 * Form model <-> FormDefinition (JSON Schema + uiSchema + lookups). A field that is shown
 * only when another field has a value lives in an `allOf` entry `if {that field} then
 * {this field}`, so a hidden field is never in the schema, and never required.
 */

const LOOKUP_WIDGETS: Partial<Record<FieldKind, { widget: string; source: LookupSource["source"] }>> = {
  user: { widget: "userLookup", source: "users" },
  group: { widget: "groupLookup", source: "groups" },
  configurationItem: { widget: "configurationItemLookup", source: "configurationItems" },
};

const BASE_SCHEMA: Record<FieldKind, JsonSchema> = {
  shortText: { type: "string" },
  longText: { type: "string" },
  number: { type: "number" },
  choice: { type: "string" },
  multipleChoice: { type: "array", uniqueItems: true },
  yesNo: { type: "boolean" },
  date: { type: "string", format: "date" },
  dateTime: { type: "string", format: "date-time" },
  email: { type: "string", format: "email" },
  user: { type: "string" },
  group: { type: "string" },
  configurationItem: { type: "string" },
  // A data URL, drawn by rjsf's file widget. No `format: data-url`: core's ajv (the
  // server's rules) does not define that format.
  attachment: { type: "string" },
};

const WIDGETS: Partial<Record<FieldKind, string>> = {
  longText: "textarea",
  multipleChoice: "checkboxes",
  yesNo: "radio",
  user: "userLookup",
  group: "groupLookup",
  configurationItem: "configurationItemLookup",
  attachment: "file",
};

const LIMIT_KEYWORDS: Partial<Record<FieldKind, [string, string]>> = {
  number: ["minimum", "maximum"],
  shortText: ["minLength", "maxLength"],
  longText: ["minLength", "maxLength"],
  multipleChoice: ["minItems", "maxItems"],
};

/** Kinds whose text a pattern can constrain. */
export const PATTERN_KINDS: ReadonlySet<FieldKind> = new Set(["shortText", "longText", "email"]);

export const fieldSchema = (field: FormField): JsonSchema => {
  const schema: JsonSchema = { ...BASE_SCHEMA[field.kind], title: field.label };
  if (field.kind === "choice") schema.enum = (field.options ?? []).filter((option) => option !== "");
  if (field.kind === "multipleChoice")
    schema.items = { type: "string", enum: (field.options ?? []).filter((option) => option !== "") };
  const limits = LIMIT_KEYWORDS[field.kind];
  if (limits && field.min !== undefined) schema[limits[0]] = field.min;
  if (limits && field.max !== undefined) schema[limits[1]] = field.max;
  if (field.pattern && PATTERN_KINDS.has(field.kind)) schema.pattern = field.pattern;
  if (field.default !== undefined) schema.default = field.default;
  return schema;
};

const fieldUi = (field: FormField): Record<string, unknown> | undefined => {
  const ui: Record<string, unknown> = {};
  const widget = WIDGETS[field.kind];
  if (widget) ui["ui:widget"] = widget;
  if (field.help) ui["ui:help"] = field.help;
  return Object.keys(ui).length > 0 ? ui : undefined;
};

const conditionSchema = (rule: VisibilityRule): JsonSchema =>
  rule.equals === undefined
    ? { required: [rule.field] }
    : { properties: { [rule.field]: { const: rule.equals } }, required: [rule.field] };

export const toFormDefinition = (model: FormModel): FormDefinition => {
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  const allOf: JsonSchema[] = [];
  const uiSchema: Record<string, unknown> = { "ui:order": model.fields.map((field) => field.name) };
  const lookups: Record<string, LookupSource> = {};
  for (const field of model.fields) {
    const ui = fieldUi(field);
    if (ui) uiSchema[field.name] = ui;
    const lookup = LOOKUP_WIDGETS[field.kind];
    if (lookup) lookups[field.name] = { source: lookup.source };
    if (field.visibleWhen) {
      allOf.push({
        if: conditionSchema(field.visibleWhen),
        // biome-ignore lint/suspicious/noThenProperty: `then` is the JSON Schema keyword here.
        then: {
          properties: { [field.name]: fieldSchema(field) },
          ...(field.required ? { required: [field.name] } : {}),
        },
      });
    } else {
      properties[field.name] = fieldSchema(field);
      if (field.required) required.push(field.name);
    }
  }
  const schema: JsonSchema = { type: "object", properties };
  if (required.length > 0) schema.required = required;
  if (allOf.length > 0) schema.allOf = allOf;
  const definition: FormDefinition = {
    schemaVersion: 1,
    kind: "form",
    id: model.id,
    title: model.title,
    schema,
    uiSchema,
  };
  if (model.description !== undefined) definition.description = model.description;
  if (Object.keys(lookups).length > 0) definition.lookups = lookups;
  return definition;
};

const kindOf = (schema: JsonSchema, ui: Record<string, unknown> | undefined): FieldKind => {
  const widget = ui?.["ui:widget"];
  if (widget === "userLookup") return "user";
  if (widget === "groupLookup") return "group";
  if (widget === "configurationItemLookup") return "configurationItem";
  if (schema.type === "boolean") return "yesNo";
  if (schema.type === "number" || schema.type === "integer") return "number";
  if (schema.type === "array") return "multipleChoice";
  if (Array.isArray(schema.enum)) return "choice";
  if (schema.format === "date") return "date";
  if (schema.format === "date-time") return "dateTime";
  if (schema.format === "email") return "email";
  if (schema.format === "data-url" || widget === "file") return "attachment";
  return widget === "textarea" ? "longText" : "shortText";
};

const readField = (
  name: string,
  schema: JsonSchema,
  ui: Record<string, unknown> | undefined,
  required: boolean,
): FormField => {
  const kind = kindOf(schema, ui);
  const field: FormField = {
    name,
    kind,
    label: typeof schema.title === "string" ? schema.title : name,
    required,
  };
  if (typeof ui?.["ui:help"] === "string") field.help = ui["ui:help"];
  const limits = LIMIT_KEYWORDS[kind];
  if (limits && typeof schema[limits[0]] === "number") field.min = schema[limits[0]] as number;
  if (limits && typeof schema[limits[1]] === "number") field.max = schema[limits[1]] as number;
  if (typeof schema.pattern === "string") field.pattern = schema.pattern;
  if (schema.default !== undefined) field.default = schema.default;
  if (kind === "choice") field.options = (schema.enum as unknown[]).map(String);
  if (kind === "multipleChoice") {
    const items = schema.items as JsonSchema | undefined;
    field.options = Array.isArray(items?.enum) ? items.enum.map(String) : [];
  }
  return field;
};

const readRule = (condition: JsonSchema): VisibilityRule | undefined => {
  const [field] = (condition.required as string[] | undefined) ?? [];
  if (!field) return undefined;
  const constant = (condition.properties as Record<string, JsonSchema> | undefined)?.[field]?.const;
  return constant === undefined ? { field } : { field, equals: constant as VisibilityRule["equals"] };
};

/** Reads a form definition back into fields, in ui:order. */
export const fromFormDefinition = (definition: FormDefinition): FormModel => {
  const schema = definition.schema;
  const ui = (definition.uiSchema ?? {}) as Record<string, Record<string, unknown> | undefined>;
  const required = new Set((schema.required as string[] | undefined) ?? []);
  const fields: FormField[] = Object.entries((schema.properties ?? {}) as Record<string, JsonSchema>).map(
    ([name, property]) => readField(name, property, ui[name], required.has(name)),
  );
  for (const entry of (schema.allOf ?? []) as JsonSchema[]) {
    const rule = entry.if ? readRule(entry.if as JsonSchema) : undefined;
    const then = entry.then as JsonSchema | undefined;
    const thenRequired = new Set((then?.required as string[] | undefined) ?? []);
    for (const [name, property] of Object.entries((then?.properties ?? {}) as Record<string, JsonSchema>)) {
      const field = readField(name, property, ui[name], thenRequired.has(name));
      fields.push(rule ? { ...field, visibleWhen: rule } : field);
    }
  }
  const order = (definition.uiSchema?.["ui:order"] as string[] | undefined) ?? [];
  const position = (name: string) => {
    const index = order.indexOf(name);
    return index === -1 ? Number.MAX_SAFE_INTEGER : index;
  };
  fields.sort((a, b) => position(a.name) - position(b.name));
  const model: FormModel = { id: definition.id, title: definition.title, fields };
  if (definition.description !== undefined) model.description = definition.description;
  return model;
};

export const emptyForm = (id: string, title: string): FormModel => ({ id, title, fields: [] });
