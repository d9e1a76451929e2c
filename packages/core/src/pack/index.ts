// Template packs: one JSON file (manifest + definitions) that moves definitions between
// installations. Pure: building, checking and previewing an import; the store applies it.
export { canonicalJson, contentHash } from "./canonical-json.ts";
export { checkPack, type PackCheck } from "./check-pack.ts";
export {
  assemblePack,
  isPackableKind,
  PACK_CONTENT_LISTS,
  PACKABLE_KINDS,
  type PackableKind,
  type PackedDefinition,
  packDefinitions,
} from "./pack-contents.ts";
export {
  type InstalledDefinition,
  PACK_KIND_CONFLICT,
  type PackImportChange,
  type PackImportEntry,
  type PackImportPreview,
  previewPackImport,
} from "./preview-pack-import.ts";
