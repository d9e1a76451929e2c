import type { HistoryEntryView, InstanceStatusSchema, Static, TaskView } from "@flowdesk/core";

/*
 * Names the views use for runtime records the server answers in more than one place (the
 * instance view and the requester's request page read the same history rows and tasks).
 * The shapes themselves are the API contract's, from @flowdesk/core.
 */

export type InstanceStatus = Static<typeof InstanceStatusSchema>;

/** One row of an instance's history. */
export type HistoryEntry = HistoryEntryView;

/** A human task as the server answers it. */
export type TaskHead = TaskView;
