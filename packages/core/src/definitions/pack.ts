import type { CatalogCategory, CatalogItem } from "./catalog.ts";
import type { DefinitionBase } from "./common.ts";
import type { Directory } from "./directory.ts";
import type { FormDefinition } from "./form.ts";
import type { SlaPolicy } from "./sla-policy.ts";
import type { WorkflowDefinition } from "./workflow.ts";

export interface PackManifest {
  id: string;
  /** Semantic version, e.g. "1.2.0". */
  version: string;
  title: string;
  description?: string;
  /** Other packs this one needs, by id and semver range. */
  dependencies?: { id: string; version: string }[];
}

export interface PackContents {
  workflows?: WorkflowDefinition[];
  forms?: FormDefinition[];
  catalogItems?: CatalogItem[];
  catalogCategories?: CatalogCategory[];
  slaPolicies?: SlaPolicy[];
  directories?: Directory[];
}

/** A template pack: one JSON file that moves definitions between installations. */
export interface TemplatePack extends Omit<DefinitionBase<"pack">, "title"> {
  manifest: PackManifest;
  contents: PackContents;
}

export type AnyDefinition =
  | WorkflowDefinition
  | FormDefinition
  | CatalogItem
  | CatalogCategory
  | SlaPolicy
  | Directory
  | TemplatePack;
