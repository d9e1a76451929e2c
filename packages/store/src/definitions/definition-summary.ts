/** One line of a definitions list: merged from the draft and the published versions. */
export interface DefinitionSummary {
  id: string;
  kind: string;
  title: string;
  latestVersion: number | null;
  hasDraft: boolean;
  updatedAt: string;
}
