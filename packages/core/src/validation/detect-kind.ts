import type { DefinitionKind } from "../definitions/index.ts";
import { KIND_SCHEMAS } from "../schema/definition-schemas.ts";
import { isRecord } from "./make-problem.ts";

export const DEFINITION_KINDS = Object.keys(KIND_SCHEMAS) as DefinitionKind[];

/** The kind a document says it is, if Flowdesk knows that kind. */
export const detectKind = (document: unknown): DefinitionKind | undefined => {
  if (!isRecord(document) || typeof document.kind !== "string") return undefined;
  return (DEFINITION_KINDS as string[]).includes(document.kind)
    ? (document.kind as DefinitionKind)
    : undefined;
};
