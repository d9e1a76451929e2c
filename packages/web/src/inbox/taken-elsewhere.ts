import type { InboxTask } from "./inbox-api.ts";

/*
 * Whether the task someone is looking at has been taken out of their hands: completed,
 * decided or cancelled, or claimed or reassigned to someone else. This decides when the
 * inbox stops offering actions and says, in one sentence, what happened.
 */

export type TakenElsewhere =
  | { kind: "completed"; by: string | null; at: string }
  | { kind: "cancelled"; at: string }
  | { kind: "claimed"; by: string; at: string }
  | { kind: "reassigned"; toUser: string | null; toGroup: string | null; at: string };

export interface Viewer {
  username: string;
  groups: readonly string[];
  isAdmin: boolean;
}

export const takenElsewhere = (task: InboxTask, viewer: Viewer): TakenElsewhere | undefined => {
  if (task.state === "completed") {
    return task.completedBy === viewer.username
      ? undefined
      : { kind: "completed", by: task.completedBy, at: task.updatedAt };
  }
  if (task.state === "cancelled") return { kind: "cancelled", at: task.updatedAt };
  // Admins may act on any open task, so nothing is taken from them.
  if (viewer.isAdmin) return undefined;
  if (task.assigneeUser !== null && task.assigneeUser !== viewer.username) {
    const inMyQueue = task.assigneeGroup !== null && viewer.groups.includes(task.assigneeGroup);
    if (task.state === "claimed" || !inMyQueue) {
      return task.state === "claimed"
        ? { kind: "claimed", by: task.assigneeUser, at: task.updatedAt }
        : { kind: "reassigned", toUser: task.assigneeUser, toGroup: task.assigneeGroup, at: task.updatedAt };
    }
  }
  if (
    task.assigneeUser === null &&
    task.assigneeGroup !== null &&
    !viewer.groups.includes(task.assigneeGroup)
  ) {
    return { kind: "reassigned", toUser: null, toGroup: task.assigneeGroup, at: task.updatedAt };
  }
  return undefined;
};

/** A completed task the viewer finished themselves: nothing is taken, but nothing is left to do. */
export const isFinished = (task: InboxTask): boolean =>
  task.state === "completed" || task.state === "cancelled";
