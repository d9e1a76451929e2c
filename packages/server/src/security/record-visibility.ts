import {
  mayActOnTask as actorMayActOnTask,
  maySeeTask as actorMaySeeTask,
  isAssignedTo as assignedTo,
  type TaskActor,
} from "@flowdesk/core";
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

/** The signed-in user as the task rules (core's task-access.ts, shared with the inbox) see them. */
export const taskActorOf = (user: SignedInUser): TaskActor => ({
  username: user.username,
  groups: user.groups,
  isAdmin: user.roles.includes("admin"),
});

export const isAssignedTo = (task: TaskRecord, user: SignedInUser): boolean =>
  assignedTo(task, taskActorOf(user));

export const maySeeTask = (task: TaskRecord, user: SignedInUser): boolean =>
  actorMaySeeTask(task, taskActorOf(user), oversees(user));

/** Acting on a task: the rule of core's task-access.ts. */
export const mayActOnTask = (task: TaskRecord, user: SignedInUser): boolean =>
  actorMayActOnTask(task, taskActorOf(user));

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
