import type { NodeRegistry } from "../node-descriptor.ts";
import type { Problem } from "../problem.ts";
import { DefinitionIndex, type IndexedDefinition } from "./definition-index.ts";
import { detectKind } from "./detect-kind.ts";
import { checkSemantics } from "./document-checks.ts";
import { isRecord, problem } from "./make-problem.ts";
import { PROBLEM_CODES } from "./problem-codes.ts";
import { checkSubprocessCycles } from "./subprocess-cycles.ts";

const locate = (entry: IndexedDefinition, found: Problem): Problem => ({
  ...found,
  pointer: entry.pointer + found.pointer,
  ...(entry.file === undefined ? {} : { file: entry.file }),
});

/**
 * Semantics of several definitions that may refer to each other (files of a set, or a
 * pack's contents): each one's own checks, its references into the set, ids used twice,
 * and subprocess circles. Structure is checked by the caller.
 */
export const checkDefinitionGroup = (entries: IndexedDefinition[], registry: NodeRegistry): Problem[] => {
  const problems: Problem[] = [];
  const index = new DefinitionIndex();
  for (const entry of entries) {
    const { kind, id } = entry.document;
    if (typeof kind === "string" && typeof id === "string" && index.has(kind as never, id)) {
      const first = index.get(kind as never, id)!;
      const where = first.file === undefined ? `at ${first.pointer || "the top"}` : `in ${first.file}`;
      problems.push(
        locate(
          entry,
          problem(
            PROBLEM_CODES.duplicateDefinition,
            "/id",
            `Another ${kind} is also called "${id}" (${where}).`,
            "error",
            { kind, id, place: first.file ?? (first.pointer || "/") },
          ),
        ),
      );
      continue;
    }
    index.add(entry);
  }
  for (const entry of entries) {
    const kind = detectKind(entry.document);
    if (!kind || kind === "pack") continue;
    for (const found of checkSemantics(kind, entry.document, registry, index))
      problems.push(locate(entry, found));
  }
  for (const { entry, problem: found } of checkSubprocessCycles(index, registry))
    problems.push(locate(entry, found));
  return problems;
};

const PACK_LISTS = ["workflows", "forms", "catalogItems", "catalogCategories", "slaPolicies", "directories"];

/** A pack's contents as entries of one group, pointing into the pack file. */
export const packEntries = (pack: Record<string, unknown>, file: string | undefined): IndexedDefinition[] => {
  const entries: IndexedDefinition[] = [];
  const contents = isRecord(pack.contents) ? pack.contents : {};
  for (const list of PACK_LISTS) {
    const items = Array.isArray(contents[list]) ? (contents[list] as unknown[]) : [];
    items.forEach((document, index) => {
      if (isRecord(document)) entries.push({ document, file, pointer: `/contents/${list}/${index}` });
    });
  }
  return entries;
};
