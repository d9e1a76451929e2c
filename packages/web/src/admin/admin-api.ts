import type { PackImportPreview } from "@flowdesk/core";
import { api } from "../api/api-client.ts";
import { type AuditFilter, auditQueryString } from "./audit-query.ts";
import { userListPath } from "./user-query.ts";

/* Typed calls of the admin API: users, groups, roles, audit log and template packs. */

export interface AdminUser {
  id: string;
  username: string;
  displayName: string;
  email: string | null;
  disabled: boolean;
  roles: string[];
  groups: string[];
}

export interface AdminGroup {
  id: string;
  title: string;
  description: string | null;
  members: string[];
}

export interface RoleInfo {
  id: string;
  description: string;
}

export interface AuditEntry {
  seq: number;
  at: string;
  actor: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  ip: string | null;
  details: unknown;
}

export interface Paged<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export interface NewUser {
  username: string;
  displayName: string;
  email?: string;
  password: string;
  roles: string[];
  groups: string[];
}

export type UserChange = Partial<{
  displayName: string;
  email: string | null;
  disabled: boolean;
  password: string;
  roles: string[];
  groups: string[];
}>;

export interface PackImportResult {
  preview: PackImportPreview;
  published: { kind: string; id: string; version: number }[];
}

/** The most users one page holds; group member names are looked up within it. */
const NAME_PAGE = 200;

export const adminApi = {
  listUsers: (text: string, page: number, signal?: AbortSignal) =>
    api.request<Paged<AdminUser>>("GET", userListPath(text, page), undefined, signal),
  listUserNames: (signal?: AbortSignal) =>
    api.request<Paged<AdminUser>>("GET", `/users?limit=${NAME_PAGE}`, undefined, signal),
  createUser: (user: NewUser) => api.request<AdminUser>("POST", "/users", user),
  updateUser: (id: string, change: UserChange) =>
    api.request<AdminUser>("PATCH", `/users/${encodeURIComponent(id)}`, change),
  listGroups: (signal?: AbortSignal) =>
    api.request<{ items: AdminGroup[] }>("GET", "/groups", undefined, signal),
  createGroup: (group: { id: string; title: string; description?: string }) =>
    api.request<AdminGroup>("POST", "/groups", group),
  updateGroup: (id: string, change: { title?: string; description?: string | null }) =>
    api.request<AdminGroup>("PATCH", `/groups/${encodeURIComponent(id)}`, change),
  listRoles: (signal?: AbortSignal) => api.request<{ items: RoleInfo[] }>("GET", "/roles", undefined, signal),
  listAudit: (filter: AuditFilter, signal?: AbortSignal) =>
    api.request<Paged<AuditEntry>>("GET", `/audit-log?${auditQueryString(filter)}`, undefined, signal),
  previewPack: (pack: unknown) => api.request<PackImportPreview>("POST", "/packs/preview", pack),
  importPack: (pack: unknown) => api.request<PackImportResult>("POST", "/packs/import", pack),
  exportPack: () => api.request<unknown>("GET", "/packs/export"),
};
