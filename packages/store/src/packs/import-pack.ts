import {
  checkPack,
  type Directory,
  type PackImportPreview,
  type Problem,
  packDefinitions,
  previewPackImport,
} from "@flowdesk/core";
import { nodeRegistry } from "@flowdesk/nodes";
import type { ServerStore } from "../server-store.ts";
import { latestPublishedDefinitions } from "./installed-definitions.ts";

export interface ImportPackOptions {
  /** Compute the preview and change nothing. */
  dryRun?: boolean;
  /** Who imports it (user login or a tool name), recorded on versions and in the audit log. */
  by?: string;
  /** When; defaults to the current time. */
  now?: Date;
  /** Shown in problems; default "pack.json". */
  file?: string;
}

export interface ImportPackResult {
  /** True when the pack's changes were committed (false for a dry run or a refusal). */
  applied: boolean;
  /** Absent when the pack was refused before it could be compared with the installation. */
  preview?: PackImportPreview;
  /** Every reason the pack was refused; empty when it was (or could be) imported. */
  problems: Problem[];
  /** Versions published by this import. */
  published: { kind: string; id: string; version: number }[];
}

/**
 * Imports a template pack all or nothing. The pack is checked whole first (schema
 * version, structure, graphs, expressions, references); then, in ONE transaction, the
 * installation is compared with it and every added or changed definition is published
 * as a new immutable version. Unchanged definitions are left alone, so importing the
 * same pack twice changes nothing, and running instances keep the versions they run on.
 */
export async function importPack(
  store: ServerStore,
  document: unknown,
  options: ImportPackOptions = {},
): Promise<ImportPackResult> {
  const check = checkPack(document, { registry: nodeRegistry, file: options.file ?? "pack.json" });
  if (check.pack === undefined) return { applied: false, problems: check.problems, published: [] };
  const pack = check.pack;
  const at = (options.now ?? new Date()).toISOString();
  const by = options.by ?? `pack:${pack.manifest.id}@${pack.manifest.version}`;
  return store.transaction(async (tx) => {
    const preview = previewPackImport(pack, await latestPublishedDefinitions(tx.sql));
    if (preview.problems.length > 0)
      return { applied: false, preview, problems: preview.problems, published: [] };
    if (options.dryRun) return { applied: false, preview, problems: [], published: [] };
    const changes = new Map(preview.entries.map((entry) => [`${entry.kind}:${entry.id}`, entry.change]));
    const published: ImportPackResult["published"] = [];
    for (const packed of packDefinitions(pack)) {
      if (changes.get(`${packed.kind}:${packed.id}`) === "unchanged") continue;
      const version = await tx.definitions.publish({
        definitionId: packed.id,
        kind: packed.kind,
        content: packed.definition,
        publishedAt: at,
        publishedBy: by,
      });
      if (packed.kind === "directory") {
        for (const group of (packed.definition as unknown as Directory).groups) {
          await tx.groups.upsert(
            { id: group.id, title: group.title, description: group.description ?? null },
            at,
          );
        }
      }
      await tx.audit.append({
        at,
        actor: options.by ?? null,
        action: "definition.imported",
        targetType: packed.kind,
        targetId: packed.id,
        ip: null,
        details: {
          version: version.version,
          contentHash: version.contentHash,
          source: `pack:${pack.manifest.id}@${pack.manifest.version}`,
        },
      });
      published.push({ kind: packed.kind, id: packed.id, version: version.version });
    }
    return { applied: true, preview, problems: [], published };
  });
}
