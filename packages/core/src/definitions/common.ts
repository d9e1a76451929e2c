/**
 * Shapes shared by every definition kind. A definition is a JSON document that a
 * process owner edits in the designer or in a file under workflows/ or forms/.
 */

/** The definition-language version this build of Flowdesk reads and writes. */
export const SCHEMA_VERSION = 1 as const;

export type DefinitionKind =
  | "workflow"
  | "form"
  | "catalogItem"
  | "catalogCategory"
  | "slaPolicy"
  | "directory"
  | "pack";

/** Ids are slugs: lower-case letters, digits and dashes, starting with a letter. */
export type DefinitionId = string;

export interface DefinitionBase<K extends DefinitionKind> {
  /** Where editors find the JSON Schema; ignored by Flowdesk itself. */
  $schema?: string;
  schemaVersion: number;
  kind: K;
  id: DefinitionId;
  title: string;
  description?: string;
}

/** A JSON Schema document, kept loose on purpose: ajv is the authority on its shape. */
export type JsonSchema = { [keyword: string]: unknown };

/** ISO 8601 duration, e.g. "PT4H", "P3D". */
export type IsoDuration = string;

/** CEL source text, e.g. `priority == "P1"`. */
export type Expression = string;

/** Text with `{{ cel }}` placeholders, e.g. "Incident {{ number }} is {{ state }}". */
export type Template = string;

/** Who does a piece of work: one user, everyone of a group, or a CEL rule. */
export type AssigneeRule =
  | { kind: "user"; user: string }
  | { kind: "group"; group: string }
  | { kind: "role"; role: string }
  | { kind: "expression"; expression: Expression };
