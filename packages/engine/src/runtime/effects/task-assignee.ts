import type { Assignment } from "@flowdesk/core";

/** The task row's assignee columns for an assignment. */
export const assigneeColumns = (
  assignment: Assignment,
): { assigneeUser: string | null; assigneeGroup: string | null } => {
  if (assignment.kind === "user") return { assigneeUser: assignment.user, assigneeGroup: null };
  if (assignment.kind === "group") return { assigneeUser: null, assigneeGroup: assignment.group };
  // Roles share the group column with a prefix so one inbox query serves both.
  return { assigneeUser: null, assigneeGroup: `role:${assignment.role}` };
};

/** An approval opens one task per approver on one token: the slot tells them apart (one open task per token and slot). */
export const assignmentKey = (assignment: Assignment): string =>
  assignment.kind === "user"
    ? `user:${assignment.user}`
    : assignment.kind === "group"
      ? `group:${assignment.group}`
      : `role:${assignment.role}`;
