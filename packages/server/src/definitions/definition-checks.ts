import { type DefinitionFile, type Problem, validateDefinitionSet } from "@flowdesk/core";
import { nodeRegistry } from "@flowdesk/nodes";
import type { ServerTransaction } from "@flowdesk/store";

/** Kinds whose published versions other definitions may reference. */
const REFERENCEABLE_KINDS = ["workflow", "form", "catalogItem", "catalogCategory", "slaPolicy", "directory"];

/**
 * The server's authoritative check of one definition: its own structure and semantics
 * plus its references, resolved against the newest published version of everything
 * else. Only the problems of this definition come back.
 */
export const checkDefinition = async (
  tx: ServerTransaction,
  definitionId: string,
  document: unknown,
): Promise<Problem[]> => {
  const self = `${definitionId} (draft)`;
  const files: DefinitionFile[] = [{ file: self, document }];
  for (const kind of REFERENCEABLE_KINDS) {
    for (const published of await tx.definitionSummaries.latestContentByKind(kind)) {
      if (published.id !== definitionId) files.push({ file: published.id, document: published.content });
    }
  }
  return validateDefinitionSet(files, { registry: nodeRegistry })
    .filter((problem) => problem.file === self)
    .map(({ file: _file, ...problem }) => problem);
};

export const hasErrorProblems = (problems: readonly Problem[]): boolean =>
  problems.some((problem) => problem.severity === "error");
