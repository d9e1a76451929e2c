// The validator: structure (FD1xxx), workflow graph (FD2xxx), expressions (FD3xxx) and
// references between definitions (FD4xxx), all returned as Problem data.

export { type ConnectionVerdict, canConnect } from "../rules/connection-rules.ts";
export { type Ajv, createAjv } from "../schema/ajv.ts";
export { bundledFileName, bundleSchema } from "../schema/bundle.ts";
export {
  ALL_SCHEMAS,
  COMMON_SCHEMA,
  KIND_SCHEMAS,
  type PublishedSchema,
  SCHEMA_BASE_URI,
  schemaIdOf,
} from "../schema/definition-schemas.ts";
export { type FormSchemaVerdict, runFormSchema, validateFormData } from "../schema/form-data.ts";
export { DEFINITION_KINDS, detectKind } from "./detect-kind.ts";
export { clearExpressionChecks } from "./expression-port.ts";
export { PROBLEM_CODES, type ProblemCodeName } from "./problem-codes.ts";
export { PROBLEM_PARAMS, problemParamsKey } from "./problem-params.ts";
export { type ValidationOptions, validateDefinition } from "./validate-definition.ts";
export { type DefinitionFile, validateDefinitionSet } from "./validate-definition-set.ts";
