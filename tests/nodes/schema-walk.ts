import type { JsonSchema } from "@flowdesk/core";

/*
 * Reading helpers for the descriptor tests: follow a property name, an array's items or
 * an object's additionalProperties through a property schema, looking into every
 * oneOf/anyOf/allOf branch as rjsf does.
 */

const asSchema = (value: unknown): JsonSchema | undefined =>
  value && typeof value === "object" && !Array.isArray(value) ? (value as JsonSchema) : undefined;

/** The schema itself plus every branch of its combinators, recursively. */
export const branches = (schema: JsonSchema): JsonSchema[] => {
  const found = [schema];
  for (const keyword of ["oneOf", "anyOf", "allOf"]) {
    const list = schema[keyword];
    if (Array.isArray(list)) {
      for (const item of list) {
        const branch = asSchema(item);
        if (branch) found.push(...branches(branch));
      }
    }
  }
  return found;
};

/** Subschemas describing property `name` of an object schema. */
export const propertySchemas = (schema: JsonSchema, name: string): JsonSchema[] =>
  branches(schema).flatMap((branch) => {
    const child = asSchema(asSchema(branch.properties)?.[name]);
    return child ? [child] : [];
  });

/** Subschemas of an array's items or an object's additionalProperties (the "*" segment). */
export const wildcardSchemas = (
  schema: JsonSchema,
  keyword: "items" | "additionalProperties",
): JsonSchema[] =>
  branches(schema).flatMap((branch) => {
    const child = asSchema(branch[keyword]);
    return child ? [child] : [];
  });

/** Subschemas a config pointer with "*" wildcards leads to; empty when it leads nowhere. */
export const schemasAtPointer = (schema: JsonSchema, pointer: string): JsonSchema[] => {
  let current = [schema];
  for (const segment of pointer.split("/").slice(1)) {
    current = current.flatMap((node) =>
      segment === "*"
        ? [...wildcardSchemas(node, "items"), ...wildcardSchemas(node, "additionalProperties")]
        : propertySchemas(node, segment),
    );
  }
  return current;
};

/** uiSchema keys that name nothing in the schema, as "path/to/key" strings. */
export const unknownUiKeys = (schema: JsonSchema, uiSchema: Record<string, unknown>, path = ""): string[] => {
  const problems: string[] = [];
  for (const [key, value] of Object.entries(uiSchema)) {
    const here = `${path}/${key}`;
    if (key.startsWith("ui:")) {
      if (key === "ui:order" && Array.isArray(value)) {
        for (const name of value) {
          if (name !== "*" && propertySchemas(schema, String(name)).length === 0)
            problems.push(`${here}:${name}`);
        }
      }
      continue;
    }
    const targets =
      key === "items" || key === "additionalProperties"
        ? wildcardSchemas(schema, key)
        : propertySchemas(schema, key);
    if (targets.length === 0) {
      problems.push(here);
      continue;
    }
    const nested = asSchema(value);
    if (nested) {
      // A key is fine when at least one branch it may describe knows every nested key.
      const perTarget = targets.map((target) =>
        unknownUiKeys(target, nested as Record<string, unknown>, here),
      );
      if (perTarget.every((list) => list.length > 0)) problems.push(...(perTarget[0] ?? []));
    }
  }
  return problems;
};
