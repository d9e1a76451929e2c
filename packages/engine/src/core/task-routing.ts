import type {
  Assignment,
  TaskClaimedEvent,
  TaskReassignedEvent,
  TaskRecord,
  TaskUnclaimedEvent,
} from "@flowdesk/core";
import { ENGINE_ERRORS, rejectEvent } from "@flowdesk/core";
import type { Run } from "./run.ts";
import { stopSlaClocks } from "./sla-clock.ts";

/**
 * Who works on a task, as people move it: claim, unclaim, reassign. The instance state
 * (assignment, claimedBy), the task row (through task.claim / task.reassign effects) and
 * the history change together, in the same step. Delegating an approval is the approval's
 * own behaviour; completing a task is its node's.
 */

const openTask = (run: Run, taskId: string): TaskRecord => {
  const task = run.state.tasks[taskId];
  if (!task) throw rejectEvent(ENGINE_ERRORS.taskNotOpen, `Task "${taskId}" is not open.`);
  return task;
};

/** The person the task is with: whoever claimed it, else the user it was assigned to. */
const holderOf = (task: TaskRecord): string | undefined =>
  task.claimedBy ?? (task.assignment.kind === "user" ? task.assignment.user : undefined);

/** Who had the task, in the words of the task row, so the live gateway can tell them it left. */
const whereItWas = (task: TaskRecord): { user: string | null; group: string | null } => ({
  user: holderOf(task) ?? null,
  group: groupOf(task.assignment),
});

const groupOf = (assignment: Assignment): string | null =>
  assignment.kind === "group"
    ? assignment.group
    : assignment.kind === "role"
      ? `role:${assignment.role}`
      : null;

export const claimTask = (run: Run, event: TaskClaimedEvent): void => {
  const task = openTask(run, event.taskId);
  // Claiming what one already holds is a repeated click, not a change: no effect, no history.
  if (task.claimedBy === event.by) return;
  const holder = holderOf(task);
  if (holder !== undefined && holder !== event.by) {
    throw rejectEvent(
      ENGINE_ERRORS.taskHeldByOther,
      `Task "${task.id}" is with ${holder}; they (or an admin) must release or reassign it first.`,
    );
  }
  task.claimedBy = event.by;
  run.emit({ type: "task.claim", taskId: task.id, by: event.by });
  run.record({
    type: "task.claimed",
    nodeId: task.nodeId,
    tokenId: task.tokenId,
    by: event.by,
    data: { taskId: task.id },
  });
  stopSlaClocks(run, ["response"]);
};

/** Back to whom it was assigned; a task nobody claimed is already there, so nothing changes. */
export const unclaimTask = (run: Run, event: TaskUnclaimedEvent): void => {
  const task = openTask(run, event.taskId);
  if (task.claimedBy === undefined) return;
  const from = whereItWas(task);
  delete task.claimedBy;
  run.emit({ type: "task.reassign", taskId: task.id, assignment: task.assignment, by: event.by });
  run.record({
    type: "task.unclaimed",
    nodeId: task.nodeId,
    tokenId: task.tokenId,
    by: event.by,
    data: { taskId: task.id, user: null, group: groupOf(task.assignment), from },
  });
};

export const reassignTask = (run: Run, event: TaskReassignedEvent): void => {
  const task = openTask(run, event.taskId);
  const from = whereItWas(task);
  delete task.claimedBy;
  task.assignment = event.to;
  run.emit({ type: "task.reassign", taskId: task.id, assignment: event.to, by: event.by });
  run.record({
    type: "task.reassigned",
    nodeId: task.nodeId,
    tokenId: task.tokenId,
    by: event.by,
    data: {
      taskId: task.id,
      user: event.to.kind === "user" ? event.to.user : null,
      group: groupOf(event.to),
      from,
    },
  });
};
