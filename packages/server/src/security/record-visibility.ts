import type { InstanceRecord, TaskRecord } from "@flowdesk/engine";
import type { ServerTransaction } from "@flowdesk/store";
import type { SignedInUser } from "./request-auth.ts";

/**
 * Row-level rules on top of the policy table: which requests, instances and tasks a
 * signed-in user may see or act on. Assignments name users by user name (as the
 * workflows do), so tasks are matched on `username`.
 */

/** Admins and process owners watch every request. */
export const oversees = (user: SignedInUser): boolean =>
  user.roles.includes("admin") || user.roles.includes("process-owner");

export const isAssignedTo = (task: TaskRecord, user: SignedInUser): boolean =>
  task.assigneeUser === user.username ||
  (task.assigneeGroup !== null && user.groups.includes(task.assigneeGroup));

export const maySeeTask = (task: TaskRecord, user: SignedInUser): boolean =>
  oversees(user) || isAssignedTo(task, user) || task.completedBy === user.username;

/**
 * Acting on a task: its assignee, a member of its group while nobody has claimed it for
 * themselves, or an admin. A task claimed by someone else is theirs until unclaimed.
 */
export const mayActOnTask = (task: TaskRecord, user: SignedInUser): boolean => {
  if (user.roles.includes("admin")) return true;
  if (task.assigneeUser !== null) {
    return task.assigneeUser === user.username || (task.state === "open" && isAssignedTo(task, user));
  }
  return task.assigneeGroup !== null && user.groups.includes(task.assigneeGroup);
};

export const requesterOf = (instance: Pick<InstanceRecord, "state">): string | undefined => {
  const requester = (instance.state as { requester?: unknown } | null)?.requester;
  return typeof requester === "string" ? requester : undefined;
};

/** The requester, anyone a task of it is (or was) assigned to, admins and process owners. */
export const maySeeInstance = async (
  tx: ServerTransaction,
  user: SignedInUser,
  instanceId: string,
): Promise<boolean> => {
  if (oversees(user)) return true;
  const request = await tx.requests.get(instanceId);
  if (request !== undefined && request.requesterId === user.id) return true;
  const instance = await tx.instances.get(instanceId);
  if (instance === undefined) return false;
  if (requesterOf(instance) === user.username) return true;
  const tasks = await tx.tasks.listByInstance(instanceId);
  return tasks.some((task) => isAssignedTo(task, user) || task.completedBy === user.username);
};

/**
 * Whom a list of instances is narrowed to (the same rule as maySeeInstance, applied in the
 * query so paging stays right): undefined for admins and process owners, who see them all.
 */
export const instanceAudienceOf = (
  user: SignedInUser,
): { userId: string; username: string; groups: readonly string[] } | undefined =>
  oversees(user) ? undefined : { userId: user.id, username: user.username, groups: user.groups };
