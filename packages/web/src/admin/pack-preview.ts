import {
  PACKABLE_KINDS,
  type PackableKind,
  type PackImportEntry,
  type PackImportPreview,
} from "@flowdesk/core";

/* How a pack import preview is shown: per definition kind, what is added, changed and unchanged. */

export interface KindChanges {
  kind: PackableKind;
  added: PackImportEntry[];
  changed: PackImportEntry[];
  unchanged: PackImportEntry[];
}

const byTitle = (a: PackImportEntry, b: PackImportEntry): number =>
  a.title.localeCompare(b.title) || a.id.localeCompare(b.id);

/** Kinds in the pack's import order; kinds the pack does not carry are left out. */
export const groupPreview = (preview: Pick<PackImportPreview, "entries">): KindChanges[] =>
  PACKABLE_KINDS.map((kind) => {
    const ofKind = preview.entries.filter((entry) => entry.kind === kind).sort(byTitle);
    return {
      kind,
      added: ofKind.filter((entry) => entry.change === "added"),
      changed: ofKind.filter((entry) => entry.change === "changed"),
      unchanged: ofKind.filter((entry) => entry.change === "unchanged"),
    };
  }).filter((group) => group.added.length + group.changed.length + group.unchanged.length > 0);

/** What "Import N changes" counts: definitions that get a new version. */
export const changeCount = (preview: Pick<PackImportPreview, "summary">): number =>
  preview.summary.added + preview.summary.changed;
