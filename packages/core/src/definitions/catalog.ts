import type { DefinitionBase, DefinitionId } from "./common.ts";

export interface CatalogCategory extends DefinitionBase<"catalogCategory"> {
  icon?: string;
  parent?: DefinitionId;
  order?: number;
}

/** Something a requester can ask for: a form to fill and the workflow it starts. */
export interface CatalogItem extends DefinitionBase<"catalogItem"> {
  category: DefinitionId;
  form: DefinitionId;
  workflow: DefinitionId;
  icon?: string;
  tags?: string[];
  /** Who may request it; absent = every signed-in user. */
  visibleTo?: { roles?: string[]; groups?: string[] };
}
