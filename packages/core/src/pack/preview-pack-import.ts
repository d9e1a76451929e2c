import type { TemplatePack } from "../definitions/index.ts";
import { ERROR_CODES } from "../error-codes.ts";
import type { Problem } from "../problem.ts";
import { contentHash } from "./canonical-json.ts";
import { PACK_CONTENT_LISTS, type PackableKind, packDefinitions } from "./pack-contents.ts";

/** What an installation already has of one definition: its newest published version. */
export interface InstalledDefinition {
  id: string;
  kind: string;
  latestContentHash: string;
}

export type PackImportChange = "added" | "changed" | "unchanged";

export interface PackImportEntry {
  kind: PackableKind;
  id: string;
  title: string;
  /** added: new id; changed: a new version will be published; unchanged: nothing happens. */
  change: PackImportChange;
  contentHash: string;
  /** Hash of the installed newest version, when there is one. */
  installedContentHash?: string;
}

export interface PackImportPreview {
  pack: { id: string; version: string; title: string };
  entries: PackImportEntry[];
  summary: Record<PackImportChange, number>;
  /** Reasons the import cannot go ahead (e.g. an id already used by another kind). */
  problems: Problem[];
}

/**
 * Problem code: an id serves two kinds (in the pack, or the pack and the installation).
 * Published versions are keyed by id alone, so one id cannot name two definitions.
 */
export const PACK_KIND_CONFLICT = ERROR_CODES.pack.kindConflict.code;

/**
 * What importing a (valid) pack would do, definition by definition: the admin screen,
 * `flowdesk pack import --dry-run` and the import itself all show this one preview.
 * Content is compared by hash of its canonical JSON, so formatting never counts as a change.
 */
export const previewPackImport = (
  pack: TemplatePack,
  existing: readonly InstalledDefinition[],
): PackImportPreview => {
  const installed = new Map(existing.map((definition) => [definition.id, definition]));
  const entries: PackImportEntry[] = [];
  const problems: Problem[] = [];
  const positions = new Map<PackableKind, number>();
  const kindInPack = new Map<string, PackableKind>();
  for (const packed of packDefinitions(pack)) {
    const position = positions.get(packed.kind) ?? 0;
    positions.set(packed.kind, position + 1);
    const pointer = `/contents/${PACK_CONTENT_LISTS[packed.kind]}/${position}/id`;
    const hash = contentHash(packed.definition);
    const current = installed.get(packed.id);
    const sibling = kindInPack.get(packed.id);
    kindInPack.set(packed.id, sibling ?? packed.kind);
    if (sibling !== undefined && sibling !== packed.kind) {
      problems.push({
        code: PACK_KIND_CONFLICT,
        severity: "error",
        pointer,
        message: `The id "${packed.id}" names both a ${sibling} and a ${packed.kind} in this pack; every definition needs its own id.`,
        params: { id: packed.id, kind: sibling, otherKind: packed.kind, variant: "inPack" },
      });
    } else if (current !== undefined && current.kind !== packed.kind) {
      problems.push({
        code: PACK_KIND_CONFLICT,
        severity: "error",
        pointer,
        message: `The id "${packed.id}" is already used by a ${current.kind} here; a ${packed.kind} cannot share it. Rename one of them.`,
        params: { id: packed.id, kind: current.kind, otherKind: packed.kind },
      });
    }
    const change: PackImportChange =
      current === undefined ? "added" : current.latestContentHash === hash ? "unchanged" : "changed";
    entries.push({
      kind: packed.kind,
      id: packed.id,
      title: packed.title,
      change,
      contentHash: hash,
      ...(current === undefined ? {} : { installedContentHash: current.latestContentHash }),
    });
  }
  const summary = { added: 0, changed: 0, unchanged: 0 };
  for (const entry of entries) summary[entry.change]++;
  return {
    pack: { id: pack.manifest.id, version: pack.manifest.version, title: pack.manifest.title },
    entries,
    summary,
    problems,
  };
};
