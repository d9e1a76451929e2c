import type { DefinitionKind, JsonSchema } from "../definitions/index.ts";
import { ALL_SCHEMAS, KIND_SCHEMAS, SCHEMA_BASE_URI } from "./definition-schemas.ts";

const byFile = new Map(ALL_SCHEMAS.map((published) => [published.file, published.schema]));

/** Files a schema refers to by relative $ref ("common.schema.json#/$defs/id"). */
const referencedFiles = (value: unknown, found: Set<string>): void => {
  if (Array.isArray(value)) {
    for (const item of value) referencedFiles(item, found);
  } else if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      if (key === "$ref" && typeof item === "string" && !item.startsWith("#")) {
        const file = item.split("#")[0]!.replace(SCHEMA_BASE_URI, "");
        if (file.length > 0) found.add(file);
      } else {
        referencedFiles(item, found);
      }
    }
  }
};

/**
 * A self-contained schema for one kind, for tools that cannot follow $refs to other
 * files. Referenced schemas are embedded under $defs as schema resources with their own
 * $id (the draft 2020-12 way to bundle), so every $ref resolves unchanged.
 */
export const bundleSchema = (kind: DefinitionKind): JsonSchema => {
  const root = KIND_SCHEMAS[kind].schema;
  const needed = new Set<string>();
  const queue = [root];
  while (queue.length > 0) {
    const found = new Set<string>();
    referencedFiles(queue.pop(), found);
    for (const file of found) {
      if (needed.has(file) || file === KIND_SCHEMAS[kind].file) continue;
      needed.add(file);
      const schema = byFile.get(file);
      if (schema) queue.push(schema);
    }
  }
  const embedded: Record<string, unknown> = {};
  for (const file of [...needed].sort()) {
    const { $schema: _draft, ...schema } = byFile.get(file) ?? {};
    embedded[file] = schema;
  }
  const ownDefs = (root.$defs as Record<string, unknown> | undefined) ?? {};
  return { ...root, $defs: { ...ownDefs, ...embedded } };
};

/** File name of the bundled schema of a kind, under packages/core/schemas/bundled/. */
export const bundledFileName = (kind: DefinitionKind): string => KIND_SCHEMAS[kind].file;
