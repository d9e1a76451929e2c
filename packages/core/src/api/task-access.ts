import type { TaskView } from "./task.api.ts";

/*
 * Who may see and act on a human task: one rule for the server, which refuses, and the
 * inbox, which does not offer what would be refused. Assignments name people by user
 * name (as workflows do), so tasks are matched on `username`.
 */

/** The person asking, as far as task access cares. */
export interface TaskActor {
  username: string;
  groups: readonly string[];
  isAdmin: boolean;
}

type TaskAssignment = Pick<TaskView, "assigneeUser" | "assigneeGroup" | "state" | "completedBy">;

/** Completed or cancelled: nobody acts on it any more. */
export const isTaskFinished = (task: Pick<TaskView, "state">): boolean =>
  task.state === "completed" || task.state === "cancelled";

/** The task waits in (or was routed through) one of the actor's group queues. */
export const isInQueueOf = (task: Pick<TaskView, "assigneeGroup">, actor: TaskActor): boolean =>
  task.assigneeGroup !== null && actor.groups.includes(task.assigneeGroup);

export const isAssignedTo = (
  task: Pick<TaskView, "assigneeUser" | "assigneeGroup">,
  actor: TaskActor,
): boolean => task.assigneeUser === actor.username || isInQueueOf(task, actor);

/** Its assignees, whoever completed it, and those who oversee every request (admins, process owners). */
export const maySeeTask = (task: TaskAssignment, actor: TaskActor, oversees: boolean): boolean =>
  oversees || isAssignedTo(task, actor) || task.completedBy === actor.username;

/**
 * Acting on a task: its assignee, a member of its group while nobody has claimed it for
 * themselves, or an admin. A task claimed by someone else is theirs until unclaimed.
 * (Whether it is finished is asked separately: the server answers that with its own message.)
 */
export const mayActOnTask = (task: TaskAssignment, actor: TaskActor): boolean => {
  if (actor.isAdmin) return true;
  if (task.assigneeUser !== null) {
    return task.assigneeUser === actor.username || (task.state === "open" && isAssignedTo(task, actor));
  }
  return isInQueueOf(task, actor);
};
