import { isTaskFinished, mayActOnTask } from "@flowdesk/core";
import type { InboxTask } from "./inbox-api.ts";
import type { Viewer } from "./taken-elsewhere.ts";

/*
 * Which actions the inbox offers on a task: the server's own rule (mayActOnTask in core's
 * task-access.ts) plus the policy table's roles. The server refuses the rest anyway; the
 * screen just does not offer them.
 */

export const mayAct = (task: InboxTask, viewer: Viewer): boolean =>
  !isTaskFinished(task) && mayActOnTask(task, viewer);

export interface TaskOffers {
  claim: boolean;
  unclaim: boolean;
  /** Fill the form and pick an outcome (user tasks) or decide (approvals). */
  work: boolean;
  reassign: boolean;
  /** Hand an approval to a colleague: only where the step allows it, and only by its approver. */
  delegate: boolean;
}

export const offersFor = (
  task: InboxTask,
  viewer: Viewer & { isStaff: boolean },
  allowDelegation = false,
): TaskOffers => {
  if (!mayAct(task, viewer))
    return { claim: false, unclaim: false, work: false, reassign: false, delegate: false };
  const queued = task.assigneeUser === null && task.assigneeGroup !== null;
  const mine = task.assigneeUser === viewer.username;
  return {
    // A user task in a queue is claimed before it is worked on, so two agents do not fill it at once.
    claim: queued && task.kind === "task",
    unclaim: mine && task.assigneeGroup !== null && task.kind === "task",
    work: task.kind === "approval" || !queued,
    reassign: viewer.isStaff,
    // The engine accepts a delegation only from the approver a personal approval names.
    delegate:
      task.kind === "approval" &&
      allowDelegation &&
      (task.assigneeUser === null || task.assigneeUser === viewer.username),
  };
};
