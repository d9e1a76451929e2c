import type {
  AuditEntryView,
  AuditPage,
  CreateGroupBody,
  CreateUserBody,
  GroupList,
  GroupView,
  PackImported,
  PackImportPreviewView,
  RoleList,
  RoleView,
  UpdateGroupBody,
  UpdateUserBody,
  UserPage,
  UserView,
} from "@flowdesk/core";
import { api } from "../api/api-client.ts";
import { type AuditFilter, auditQueryString } from "./audit-query.ts";
import { userListPath } from "./user-query.ts";

/* Typed calls of the admin API: users, groups, roles, audit log and template packs. */

/* The payloads are the API contract's (@flowdesk/core); these are the names the admin screens use. */
export type AdminUser = UserView;
export type AdminGroup = GroupView;
export type RoleInfo = RoleView;
export type AuditEntry = AuditEntryView;
export type NewUser = CreateUserBody;
export type UserChange = UpdateUserBody;
export type PackImportResult = PackImported;

/** The most users one page holds; group member names are looked up within it. */
const NAME_PAGE = 200;

export const adminApi = {
  listUsers: (text: string, page: number, signal?: AbortSignal) =>
    api.request<UserPage>("GET", userListPath(text, page), undefined, signal),
  listUserNames: (signal?: AbortSignal) =>
    api.request<UserPage>("GET", `/users?limit=${NAME_PAGE}`, undefined, signal),
  createUser: (user: NewUser) => api.request<AdminUser>("POST", "/users", user),
  updateUser: (id: string, change: UserChange) =>
    api.request<AdminUser>("PATCH", `/users/${encodeURIComponent(id)}`, change),
  listGroups: (signal?: AbortSignal) => api.request<GroupList>("GET", "/groups", undefined, signal),
  createGroup: (group: CreateGroupBody) => api.request<AdminGroup>("POST", "/groups", group),
  updateGroup: (id: string, change: UpdateGroupBody) =>
    api.request<AdminGroup>("PATCH", `/groups/${encodeURIComponent(id)}`, change),
  listRoles: (signal?: AbortSignal) => api.request<RoleList>("GET", "/roles", undefined, signal),
  listAudit: (filter: AuditFilter, signal?: AbortSignal) =>
    api.request<AuditPage>("GET", `/audit-log?${auditQueryString(filter)}`, undefined, signal),
  previewPack: (pack: unknown) => api.request<PackImportPreviewView>("POST", "/packs/preview", pack),
  importPack: (pack: unknown) => api.request<PackImportResult>("POST", "/packs/import", pack),
  exportPack: () => api.request<unknown>("GET", "/packs/export"),
};
