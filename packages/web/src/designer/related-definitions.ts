import type { Reference } from "./model/workflow-references.ts";
import { loadWorkingCopy } from "./working-copy.ts";

/**
 * Loads each referenced definition (draft, else newest version). One that does not exist
 * is left out, so the validator reports the reference as unknown, as the server would.
 */
export const loadRelated = async (references: readonly Reference[]): Promise<unknown[]> => {
  const loaded = await Promise.all(
    references.map((reference) => loadWorkingCopy<unknown>(reference.segment, reference.id)),
  );
  return loaded.filter((definition) => definition !== undefined);
};
