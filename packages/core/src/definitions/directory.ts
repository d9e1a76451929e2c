import type { DefinitionBase } from "./common.ts";

/** Built-in roles; a directory may add more. */
export const BUILT_IN_ROLES = ["admin", "process-owner", "agent", "requester"] as const;

export interface GroupRef {
  id: string;
  title: string;
  description?: string;
  /** Roles every member of the group holds. */
  roles?: string[];
}

export interface RoleRef {
  id: string;
  title: string;
  description?: string;
}

/** Groups and roles that assignee rules may name. */
export interface Directory extends DefinitionBase<"directory"> {
  groups: GroupRef[];
  roles?: RoleRef[];
}
