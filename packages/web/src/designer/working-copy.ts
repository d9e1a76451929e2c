import { api, type DefinitionCollection } from "../api/api-client.ts";
import { ApiError } from "../api/api-error.ts";

/**
 * What a designer opens for a definition: its draft when one is being worked on, else
 * the newest published version (the starter pack publishes without drafts), else
 * nothing (a new definition). Also what the workflow designer validates against.
 */
export const loadWorkingCopy = async <D>(
  segment: DefinitionCollection,
  id: string,
): Promise<D | undefined> => {
  const draft = await api.draft<D>(segment, id);
  if (draft) return draft.definition;
  const versions = await api.versions(segment, id).catch((error: unknown) => {
    if (error instanceof ApiError && error.status === 404) return { items: [] };
    throw error;
  });
  const newest = versions.items.reduce<number | undefined>(
    (highest, item) => (highest === undefined || item.version > highest ? item.version : highest),
    undefined,
  );
  if (newest === undefined) return undefined;
  return (await api.version<D>(segment, id, newest)).definition;
};
