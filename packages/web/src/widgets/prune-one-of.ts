import type { JsonSchema } from "@flowdesk/core";

type Data = Record<string, unknown>;

const isObject = (value: unknown): value is Data =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** The oneOf option whose `const` properties all match the data (the chosen kind). */
const chosenOption = (options: JsonSchema[], data: Data): JsonSchema | undefined =>
  options.find((option) => {
    const properties = (option.properties ?? {}) as Record<string, JsonSchema>;
    const constants = Object.entries(properties).filter(([, property]) => property.const !== undefined);
    return constants.length > 0 && constants.every(([name, property]) => data[name] === property.const);
  });

/**
 * When the person switches a oneOf (assignee: role -> group), rjsf keeps the old
 * option's fields (`role`), which a closed schema then rejects. This drops every field
 * the chosen option does not declare, at any depth of objects and arrays.
 */
export const pruneToOneOf = (schema: JsonSchema, data: unknown): unknown => {
  if (Array.isArray(data)) {
    const items = schema.items as JsonSchema | undefined;
    return items && typeof items === "object" ? data.map((item) => pruneToOneOf(items, item)) : data;
  }
  if (!isObject(data)) return data;
  let result: Data = data;
  const options = (schema.oneOf ?? schema.anyOf) as JsonSchema[] | undefined;
  const option = options ? chosenOption(options, data) : undefined;
  if (option && option.additionalProperties === false) {
    const allowed = new Set(Object.keys((option.properties ?? {}) as Record<string, JsonSchema>));
    result = Object.fromEntries(Object.entries(data).filter(([name]) => allowed.has(name)));
  }
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  return Object.fromEntries(
    Object.entries(result).map(([name, value]) => [
      name,
      properties[name] ? pruneToOneOf(properties[name], value) : value,
    ]),
  );
};
