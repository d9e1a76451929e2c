import catalogCategorySchema from "../../schemas/catalog-category.schema.json" with { type: "json" };
import catalogItemSchema from "../../schemas/catalog-item.schema.json" with { type: "json" };
import commonSchema from "../../schemas/common.schema.json" with { type: "json" };
import directorySchema from "../../schemas/directory.schema.json" with { type: "json" };
import formSchema from "../../schemas/form.schema.json" with { type: "json" };
import packSchema from "../../schemas/pack.schema.json" with { type: "json" };
import slaPolicySchema from "../../schemas/sla-policy.schema.json" with { type: "json" };
import workflowSchema from "../../schemas/workflow.schema.json" with { type: "json" };
import type { DefinitionKind, JsonSchema } from "../definitions/index.ts";

/**
 * The published JSON Schemas of the definition language, imported as data so the same
 * files serve the browser, the server and outside tools (packages/core/schemas/).
 */
export const SCHEMA_BASE_URI = "https://flowdesk.dev/schemas/";

export interface PublishedSchema {
  /** File name under packages/core/schemas/. */
  file: string;
  schema: JsonSchema;
}

export const COMMON_SCHEMA: PublishedSchema = { file: "common.schema.json", schema: commonSchema };

/** One schema per definition kind. */
export const KIND_SCHEMAS: Readonly<Record<DefinitionKind, PublishedSchema>> = {
  workflow: { file: "workflow.schema.json", schema: workflowSchema },
  form: { file: "form.schema.json", schema: formSchema },
  catalogItem: { file: "catalog-item.schema.json", schema: catalogItemSchema },
  catalogCategory: { file: "catalog-category.schema.json", schema: catalogCategorySchema },
  slaPolicy: { file: "sla-policy.schema.json", schema: slaPolicySchema },
  directory: { file: "directory.schema.json", schema: directorySchema },
  pack: { file: "pack.schema.json", schema: packSchema },
};

export const ALL_SCHEMAS: readonly PublishedSchema[] = [COMMON_SCHEMA, ...Object.values(KIND_SCHEMAS)];

export const schemaIdOf = (kind: DefinitionKind): string => SCHEMA_BASE_URI + KIND_SCHEMAS[kind].file;
