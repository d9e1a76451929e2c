/*
 * Client-side shapes of the runtime records the server answers in more than one place (the
 * instance view and the requester's request page read the same history rows and tasks).
 */

export type InstanceStatus = "running" | "completed" | "cancelled";

/** One row of an instance's history, as instance.routes.ts and request.routes.ts answer it. */
export interface HistoryEntry {
  seq: number;
  type: string;
  nodeId: string | null;
  actor: string | null;
  data?: unknown;
  at: string;
}

/** What a human task is and whom it waits for; each view adds the fields its route answers. */
export interface TaskHead {
  id: string;
  nodeId: string;
  kind: "task" | "approval";
  title: string | null;
  assigneeUser: string | null;
  assigneeGroup: string | null;
  dueAt: string | null;
}
