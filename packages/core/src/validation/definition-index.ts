import type { DefinitionKind } from "../definitions/index.ts";
import { isRecord } from "./make-problem.ts";

/** Where a definition of a set came from, so problems can name its file. */
export interface IndexedDefinition {
  document: Record<string, unknown>;
  file: string | undefined;
  /** Pointer of the definition inside its file ("" unless embedded in a pack). */
  pointer: string;
}

/**
 * The definitions of a validated set (files, or a pack's contents) by kind and id, so
 * references between them can be resolved. First definition with an id wins.
 */
export class DefinitionIndex {
  private readonly byKind = new Map<string, Map<string, IndexedDefinition>>();

  add(entry: IndexedDefinition): void {
    const { kind, id } = entry.document;
    if (typeof kind !== "string" || typeof id !== "string") return;
    const ofKind = this.byKind.get(kind) ?? new Map<string, IndexedDefinition>();
    if (!ofKind.has(id)) ofKind.set(id, entry);
    this.byKind.set(kind, ofKind);
  }

  get(kind: DefinitionKind, id: unknown): IndexedDefinition | undefined {
    return typeof id === "string" ? this.byKind.get(kind)?.get(id) : undefined;
  }

  has(kind: DefinitionKind, id: unknown): boolean {
    return this.get(kind, id) !== undefined;
  }

  all(kind: DefinitionKind): IndexedDefinition[] {
    return [...(this.byKind.get(kind)?.values() ?? [])];
  }
}

/** Top-level field names of a form's data schema. */
export const formFieldNames = (form: Record<string, unknown> | undefined): string[] => {
  const schema = form?.schema;
  return isRecord(schema) && isRecord(schema.properties) ? Object.keys(schema.properties) : [];
};
