import type { FormDefinition } from "@flowdesk/core";

/*
 * A form names its lookup fields in `lookups` (users, groups, configuration items);
 * requesters pick those from the directory as they type. The uiSchema may already name
 * the widget (forms drawn in the form designer do); starter-pack forms only list the
 * lookup, so the widget is added here (serviceLookup is the portal's own widget).
 */
const WIDGET_OF_SOURCE: Record<string, string> = {
  users: "userLookup",
  groups: "groupLookup",
  configurationItems: "configurationItemLookup",
  services: "serviceLookup",
};

export const requesterUiSchema = (form: FormDefinition): Record<string, unknown> => {
  const uiSchema: Record<string, unknown> = { ...(form.uiSchema ?? {}) };
  for (const [field, lookup] of Object.entries(form.lookups ?? {})) {
    const widget = WIDGET_OF_SOURCE[lookup.source];
    const fieldUi = (uiSchema[field] ?? {}) as Record<string, unknown>;
    if (widget === undefined || fieldUi["ui:widget"] !== undefined) continue;
    uiSchema[field] = { ...fieldUi, "ui:widget": widget };
  }
  return uiSchema;
};
