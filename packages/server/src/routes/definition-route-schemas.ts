import { type DefinitionKind, definitionBody as kindDefinitionBody } from "@flowdesk/core";

/** One designer API per definition kind, all alike: /api/<segment>/... */
export interface DefinitionKindRoute {
  segment: string;
  kind: DefinitionKind;
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

/** A draft body of this route's kind (its schema lives in @flowdesk/core's contract). */
export const definitionBody = (route: DefinitionKindRoute) => kindDefinitionBody(route.kind, route.noun);
