import type { JsonSchema } from "@flowdesk/core";

/**
 * Adds display hints the descriptors leave out: a property fixed by `const` (the `kind`
 * of an assignee rule) is chosen by the oneOf selector, so its own input is hidden.
 */
export const withDisplayHints = (
  schema: JsonSchema,
  uiSchema: Record<string, unknown>,
): Record<string, unknown> => {
  const result: Record<string, unknown> = { ...uiSchema };
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  for (const [name, property] of Object.entries(properties)) {
    if (property.const !== undefined) {
      result[name] = {
        ...((uiSchema[name] as Record<string, unknown> | undefined) ?? {}),
        "ui:widget": "hidden",
      };
    }
  }
  for (const keyword of ["oneOf", "anyOf"] as const) {
    for (const option of (schema[keyword] ?? []) as JsonSchema[]) {
      Object.assign(result, withDisplayHints(option, result));
    }
  }
  for (const [name, property] of Object.entries(properties)) {
    if (property.type === "object" || property.oneOf || property.anyOf) {
      result[name] = withDisplayHints(property, (result[name] as Record<string, unknown> | undefined) ?? {});
    }
    const items = property.items as JsonSchema | undefined;
    if (property.type === "array" && items && typeof items === "object") {
      const uiItems = ((result[name] as Record<string, unknown> | undefined)?.items ?? {}) as Record<
        string,
        unknown
      >;
      result[name] = {
        ...((result[name] as Record<string, unknown> | undefined) ?? {}),
        items: withDisplayHints(items, uiItems),
      };
    }
  }
  return result;
};
