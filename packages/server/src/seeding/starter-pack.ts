import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import {
  type DefinitionFile,
  type Directory,
  PROBLEM_CODES,
  type Problem,
  validateDefinitionSet,
} from "@flowdesk/core";
import { nodeRegistry } from "@flowdesk/nodes";
import { contentHash, type ServerStore } from "@flowdesk/store";

/** Folders of the starter pack under the repository root; each file names its kind. */
export const STARTER_PACK_FOLDERS = ["workflows", "forms", "catalog", "sla-policies", "directories"];

/** Referenced kinds first, so the log reads in a sensible order. */
const IMPORT_ORDER = ["directory", "slaPolicy", "catalogCategory", "form", "workflow", "catalogItem"];

export interface StarterPackResult {
  imported: string[];
  unchanged: string[];
  /** Installed with different content (edited here): left as it is. */
  kept: string[];
  /**
   * Not imported because a definition of another kind already uses the id: the store
   * keys definitions by id alone, so one id cannot serve two kinds.
   */
  conflicts: string[];
  problems: Problem[];
}

const jsonFilesUnder = (folder: string): string[] => {
  let entries: string[];
  try {
    entries = readdirSync(folder);
  } catch {
    return [];
  }
  const files: string[] = [];
  for (const entry of entries.sort()) {
    const path = join(folder, entry);
    if (statSync(path).isDirectory()) files.push(...jsonFilesUnder(path));
    else if (entry.endsWith(".json")) files.push(path);
  }
  return files;
};

export const readStarterPack = (root: string): { files: DefinitionFile[]; problems: Problem[] } => {
  const files: DefinitionFile[] = [];
  const problems: Problem[] = [];
  for (const folder of STARTER_PACK_FOLDERS) {
    for (const path of jsonFilesUnder(join(root, folder))) {
      const file = relative(root, path);
      try {
        files.push({ file, document: JSON.parse(readFileSync(path, "utf8")) as unknown });
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        problems.push({
          code: PROBLEM_CODES.notAnObject,
          severity: "error",
          pointer: "",
          message: `not valid JSON: ${reason}`,
          file,
        });
      }
    }
  }
  return { files, problems };
};

/**
 * The ids of the pack's definitions when every one of them is installed already, of the
 * same kind and with the same content hash; otherwise undefined. Such a pack has
 * nothing to import, and each of its definitions passed validation when it was
 * published, so the server's every start need not compile and run the whole set's
 * checks again (most of a restart's time when nothing changed).
 */
const installedUnchanged = async (
  store: ServerStore,
  files: readonly DefinitionFile[],
): Promise<string[] | undefined> =>
  store.transaction(async (tx) => {
    const ids: string[] = [];
    for (const { document } of files) {
      const definition = document as { id?: unknown; kind?: unknown } | null;
      if (typeof definition?.id !== "string" || typeof definition.kind !== "string") return undefined;
      if (!IMPORT_ORDER.includes(definition.kind)) return undefined;
      const latest = await tx.definitions.latestPublished(definition.id);
      if (latest?.kind !== definition.kind || latest.contentHash !== contentHash(definition))
        return undefined;
      ids.push(definition.id);
    }
    return ids;
  });

/**
 * Imports the starter pack: the whole set is validated first and nothing is imported
 * while any file has an error. Each definition not installed yet is published as
 * version 1 (content-hashed); one installed with the same content is left alone, so
 * running this again changes nothing. Directory groups become groups.
 */
export async function importStarterPack(
  store: ServerStore,
  input: { root: string; now: Date },
): Promise<StarterPackResult> {
  const { files, problems: readProblems } = readStarterPack(input.root);
  const alreadyInstalled = readProblems.length === 0 ? await installedUnchanged(store, files) : undefined;
  if (alreadyInstalled !== undefined)
    return { imported: [], unchanged: alreadyInstalled, kept: [], conflicts: [], problems: [] };
  const problems = [...readProblems, ...validateDefinitionSet(files, { registry: nodeRegistry })];
  const result: StarterPackResult = { imported: [], unchanged: [], kept: [], conflicts: [], problems };
  if (problems.some((problem) => problem.severity === "error")) return result;
  const definitions = files
    .map((file) => file.document as { id: string; kind: string })
    .filter((document) => IMPORT_ORDER.includes(document.kind))
    .sort((a, b) => IMPORT_ORDER.indexOf(a.kind) - IMPORT_ORDER.indexOf(b.kind) || (a.id < b.id ? -1 : 1));
  const at = input.now.toISOString();
  await store.transaction(async (tx) => {
    for (const definition of definitions) {
      const latest = await tx.definitions.latestPublished(definition.id);
      const storedKind = latest?.kind ?? (await tx.definitionSummaries.kindOf(definition.id));
      if (storedKind !== undefined && storedKind !== definition.kind) {
        result.conflicts.push(`${definition.kind} ${definition.id} (the id is a ${storedKind})`);
        continue;
      }
      if (latest !== undefined) {
        if (latest.contentHash === contentHash(definition)) result.unchanged.push(definition.id);
        else result.kept.push(definition.id);
        continue;
      }
      const published = await tx.definitions.publish({
        definitionId: definition.id,
        kind: definition.kind,
        content: definition,
        publishedAt: at,
        publishedBy: "starter-pack",
      });
      if (definition.kind === "directory") {
        for (const group of (definition as unknown as Directory).groups) {
          await tx.groups.upsert(
            { id: group.id, title: group.title, description: group.description ?? null },
            at,
          );
        }
      }
      await tx.audit.append({
        at,
        actor: null,
        action: "definition.imported",
        targetType: definition.kind,
        targetId: definition.id,
        ip: null,
        details: { version: published.version, contentHash: published.contentHash, source: "starter-pack" },
      });
      result.imported.push(`${definition.kind} ${definition.id}`);
    }
  });
  return result;
}
