import type { SessionUser } from "../api/api-client.ts";

/*
 * What a signed-in person may do, by role, mirroring the server's authorization policy
 * (packages/server/src/security/authorization-policy.ts). The UI uses it to leave out
 * actions a role may not take; the server refuses them anyway.
 */

export type Role = "admin" | "process-owner" | "agent" | "requester";

const hasAny = (user: SessionUser | null | undefined, roles: readonly Role[]): boolean =>
  user?.roles.some((role) => roles.includes(role as Role)) ?? false;

export const access = {
  /** Workflows, forms, catalog items and SLA policies: draft, publish, versions. */
  design: (user: SessionUser | null | undefined) => hasAny(user, ["admin", "process-owner"]),
  /** Instances, incidents and group queues: staff of the service desk. */
  work: (user: SessionUser | null | undefined) => hasAny(user, ["admin", "process-owner", "agent"]),
  /** Users, groups, roles, audit log and template packs. */
  administer: (user: SessionUser | null | undefined) => hasAny(user, ["admin"]),
  /** Follow a whole workflow live (definition rooms). */
  oversee: (user: SessionUser | null | undefined) => hasAny(user, ["admin", "process-owner"]),
};
