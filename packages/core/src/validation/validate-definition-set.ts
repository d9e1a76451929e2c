import type { Problem } from "../problem.ts";
import type { IndexedDefinition } from "./definition-index.ts";
import { detectKind } from "./detect-kind.ts";
import { isRecord } from "./make-problem.ts";
import { checkDefinitionGroup, packEntries } from "./set-checks.ts";
import { checkStructure } from "./structure-checks.ts";
import { sortProblems, unexpectedProblem, type ValidationOptions } from "./validate-definition.ts";

export interface DefinitionFile {
  file: string;
  document: unknown;
}

/**
 * Checks files that belong together (a folder of definitions): each one, plus every
 * reference between them, all at once. Problems carry `file`, sorted by file then pointer.
 * A pack in the set is checked with its own contents as its set.
 */
export const validateDefinitionSet = (
  files: readonly DefinitionFile[],
  options: ValidationOptions,
): Problem[] => {
  try {
    const problems: Problem[] = [];
    const entries: IndexedDefinition[] = [];
    for (const { file, document } of Array.isArray(files) ? files : []) {
      const { problems: structural } = checkStructure(document);
      problems.push(...structural.map((found) => ({ ...found, file: String(file) })));
      if (!isRecord(document) || !detectKind(document)) continue;
      if (document.kind === "pack") {
        problems.push(...checkDefinitionGroup(packEntries(document, String(file)), options.registry));
      } else {
        entries.push({ document, file: String(file), pointer: "" });
      }
    }
    problems.push(...checkDefinitionGroup(entries, options.registry));
    return sortProblems(problems);
  } catch (error) {
    return [unexpectedProblem(error)];
  }
};
