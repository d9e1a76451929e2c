import { type Static, Type } from "@sinclair/typebox";
import { KIND_SCHEMAS, SCHEMA_BASE_URI } from "../schema/definition-schemas.ts";
import { Strict } from "./common.api.ts";
import { ProblemItem } from "./problem.api.ts";

const PackChange = Type.Union([Type.Literal("added"), Type.Literal("changed"), Type.Literal("unchanged")]);

/** The kinds a pack carries (pack-contents.ts). */
const PackableKindSchema = Type.Union([
  Type.Literal("directory"),
  Type.Literal("slaPolicy"),
  Type.Literal("catalogCategory"),
  Type.Literal("form"),
  Type.Literal("workflow"),
  Type.Literal("catalogItem"),
]);

/** What importing a pack would do, definition by definition. */
export const PackImportPreviewView = Strict({
  pack: Strict({ id: Type.String(), version: Type.String(), title: Type.String() }),
  entries: Type.Array(
    Strict({
      kind: PackableKindSchema,
      id: Type.String(),
      title: Type.String(),
      change: PackChange,
      contentHash: Type.String(),
      installedContentHash: Type.Optional(Type.String()),
    }),
  ),
  summary: Strict({ added: Type.Integer(), changed: Type.Integer(), unchanged: Type.Integer() }),
  problems: Type.Array(ProblemItem),
});
export type PackImportPreviewView = Static<typeof PackImportPreviewView>;

export const PackImported = Strict({
  preview: PackImportPreviewView,
  published: Type.Array(Strict({ kind: Type.String(), id: Type.String(), version: Type.Integer() })),
});
export type PackImported = Static<typeof PackImported>;

export const PackExportQuery = Strict({
  id: Type.Optional(Type.String({ pattern: "^[a-z][a-z0-9-]*$", maxLength: 100 })),
  version: Type.Optional(Type.String({ pattern: "^\\d+\\.\\d+\\.\\d+$", maxLength: 40 })),
});
export type PackExportQuery = Static<typeof PackExportQuery>;

/** An exported template pack: the published pack schema (the CLI and import read the same file). */
export const ExportedPack = Type.Unsafe<Record<string, unknown>>({
  $ref: `${SCHEMA_BASE_URI}pack.schema.json`,
});

/**
 * An uploaded pack: its top-level shape is checked here (a typo is refused at once);
 * everything inside is checked whole by the pack check and comes back as problems.
 */
export const PackBody = Type.Unsafe<Record<string, unknown>>({
  type: "object",
  description:
    "A template pack (components/schemas/PackDefinition): a manifest and the definitions it brings.",
  required: ["schemaVersion", "kind", "manifest", "contents"],
  properties: {
    schemaVersion: { type: "integer", minimum: 1 },
    kind: { const: "pack" },
    id: { type: "string", maxLength: 100 },
    manifest: { type: "object" },
    contents: { type: "object" },
  },
  propertyNames: {
    enum: Object.keys((KIND_SCHEMAS.pack.schema.properties ?? {}) as Record<string, unknown>),
  },
});
