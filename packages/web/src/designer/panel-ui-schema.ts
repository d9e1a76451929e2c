import type { JsonSchema } from "@flowdesk/core";

type Ui = Record<string, unknown>;

const ownUi = (ui: unknown): Ui => (typeof ui === "object" && ui !== null ? (ui as Ui) : {});

/** Keys that describe the field as a whole: shown once around the selector, never again per option. */
const FIELD_LEVEL = new Set(["ui:help", "ui:description", "ui:title"]);

/**
 * Side-panel display hints on top of the descriptor's uiSchema.
 *
 * rjsf renders the chosen option of a oneOf (assignee: group / user / role / rule) as a
 * field of its own with the parent's uiSchema: the option's title came out as a second
 * "Group*" heading and the field's help twice. Each option gets the parent's nested hints
 * (widgets of its properties) without the field-level texts and without its own title.
 * Arrays learn their item's name so the add button can say "Add outcome".
 */
export const withPanelHints = (schema: JsonSchema, uiSchema: Ui): Ui => {
  const result: Ui = { ...uiSchema };
  const options = (schema.oneOf ?? schema.anyOf) as JsonSchema[] | undefined;
  if (options) {
    const nested = Object.fromEntries(Object.entries(uiSchema).filter(([key]) => !FIELD_LEVEL.has(key)));
    result[schema.oneOf ? "oneOf" : "anyOf"] = options.map((option) => ({
      ...withPanelHints(option, nested),
      "ui:label": false,
    }));
  }
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  for (const [name, property] of Object.entries(properties)) {
    result[name] = withPanelHints(property, ownUi(uiSchema[name]));
  }
  const items = schema.items as JsonSchema | undefined;
  if (schema.type === "array" && items && typeof items === "object") {
    const itemTitle = typeof items.title === "string" ? items.title : undefined;
    result.items = withPanelHints(items, ownUi(uiSchema.items));
    if (itemTitle !== undefined) {
      result["ui:options"] = { ...ownUi(uiSchema["ui:options"]), addItemLabel: itemTitle };
    }
  }
  return result;
};
