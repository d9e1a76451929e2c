import type { DefinitionBase, JsonSchema } from "./common.ts";

/** Where a lookup field loads its options from, as the requester types. */
export interface LookupSource {
  source: "users" | "groups" | "configurationItems" | "services";
  /** Narrow the options, e.g. { group: "network" } or { ciClass: "server" }. */
  filter?: Record<string, string>;
}

/**
 * A service-catalog or task form: JSON Schema (type object) for the data, uiSchema for
 * the rjsf rendering, and lookup sources keyed by top-level field name.
 */
export interface FormDefinition extends DefinitionBase<"form"> {
  schema: JsonSchema;
  uiSchema?: Record<string, unknown>;
  lookups?: Record<string, LookupSource>;
}
