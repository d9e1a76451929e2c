import { type DefinitionKind, type JsonSchema, KIND_SCHEMAS } from "@flowdesk/core";
import { pathParams, SLUG_SCHEMA } from "../api/shared-schemas.ts";

/** One designer API per definition kind, all alike: /api/<segment>/... */
export interface DefinitionKindRoute {
  segment: string;
  kind: string;
  /** PascalCase plural used in operationIds (listWorkflows, publishForms, ...). */
  name: string;
  /** Readable singular for messages. */
  noun: string;
}

export const DEFINITION_KIND_ROUTES: readonly DefinitionKindRoute[] = [
  { segment: "workflows", kind: "workflow", name: "Workflows", noun: "workflow" },
  { segment: "forms", kind: "form", name: "Forms", noun: "form" },
  { segment: "catalog-items", kind: "catalogItem", name: "CatalogItemDefinitions", noun: "catalog item" },
  { segment: "sla-policies", kind: "slaPolicy", name: "SlaPolicies", noun: "SLA policy" },
];

/** Definitions may be large (a big workflow with its layout), more than ordinary bodies. */
export const DEFINITION_BODY_LIMIT = "5mb";

export const ID_PARAMS = pathParams({ id: SLUG_SCHEMA });
export const VERSION_PARAMS = pathParams({
  id: SLUG_SCHEMA,
  version: { type: "integer", minimum: 1, maximum: 1_000_000 },
});

/**
 * A draft body: the kind's own top-level fields only (a typo there is refused at once),
 * with the id and kind required. Everything deeper may be unfinished: it is saved and
 * comes back as problems, the same ones publishing would block on.
 */
export const definitionBody = (route: DefinitionKindRoute): JsonSchema => {
  const kindSchema = KIND_SCHEMAS[route.kind as DefinitionKind].schema;
  const fields = Object.keys((kindSchema.properties ?? {}) as Record<string, unknown>);
  return {
    type: "object",
    description: `A ${route.noun} definition (components/schemas/${route.kind[0]?.toUpperCase()}${route.kind.slice(1)}Definition); only its structure is checked here, its content comes back as problems.`,
    required: ["id", "kind"],
    properties: { id: { type: "string", maxLength: 100 }, kind: { const: route.kind } },
    propertyNames: { enum: fields },
  };
};

export const VERSION_SUMMARY: JsonSchema = {
  type: "object",
  properties: {
    version: { type: "integer" },
    contentHash: { type: "string" },
    publishedAt: { type: "string" },
    publishedBy: { type: ["string", "null"] },
  },
};

export const DIFF_SECTION: JsonSchema = {
  type: "object",
  additionalProperties: { type: "array", items: { type: "string" } },
};
