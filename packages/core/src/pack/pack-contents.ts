import type { DefinitionKind, PackContents, PackManifest, TemplatePack } from "../definitions/index.ts";
import { SCHEMA_VERSION } from "../definitions/index.ts";

/** Which list of a pack's contents holds each definition kind, in the order packs list them. */
export const PACK_CONTENT_LISTS = {
  directory: "directories",
  slaPolicy: "slaPolicies",
  catalogCategory: "catalogCategories",
  form: "forms",
  workflow: "workflows",
  catalogItem: "catalogItems",
} as const satisfies Partial<Record<DefinitionKind, keyof PackContents>>;

export type PackableKind = keyof typeof PACK_CONTENT_LISTS;

export const PACKABLE_KINDS = Object.keys(PACK_CONTENT_LISTS) as PackableKind[];

export const isPackableKind = (kind: unknown): kind is PackableKind =>
  typeof kind === "string" && Object.hasOwn(PACK_CONTENT_LISTS, kind);

/** One definition a pack carries, with what the import preview and the store need. */
export interface PackedDefinition {
  kind: PackableKind;
  id: string;
  title: string;
  definition: { kind: string; id: string; title?: string } & Record<string, unknown>;
}

/**
 * The definitions of a pack in import order: referenced kinds first (directories, SLA
 * policies, categories, forms), then workflows and the catalog items that name them.
 */
export const packDefinitions = (pack: TemplatePack): PackedDefinition[] => {
  const found: PackedDefinition[] = [];
  for (const kind of PACKABLE_KINDS) {
    const list = (pack.contents[PACK_CONTENT_LISTS[kind]] ??
      []) as unknown as PackedDefinition["definition"][];
    for (const definition of list) {
      found.push({ kind, id: definition.id, title: definition.title ?? definition.id, definition });
    }
  }
  return found;
};

const byId = (a: { id: string }, b: { id: string }): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Puts definitions into a pack, each list sorted by id so that building the same files
 * twice gives the same bytes. Definitions of kinds a pack cannot carry are left out.
 */
export const assemblePack = (manifest: PackManifest, definitions: readonly unknown[]): TemplatePack => {
  const contents: Record<string, { id: string }[]> = {};
  for (const definition of definitions) {
    const kind = (definition as { kind?: unknown } | null)?.kind;
    if (!isPackableKind(kind)) continue;
    const list = PACK_CONTENT_LISTS[kind];
    contents[list] = [...(contents[list] ?? []), definition as { id: string }];
  }
  const sorted: Record<string, { id: string }[]> = {};
  for (const kind of PACKABLE_KINDS) {
    const list = contents[PACK_CONTENT_LISTS[kind]];
    if (list !== undefined) sorted[PACK_CONTENT_LISTS[kind]] = [...list].sort(byId);
  }
  return {
    schemaVersion: SCHEMA_VERSION,
    kind: "pack",
    id: manifest.id,
    manifest,
    contents: sorted as PackContents,
  };
};
