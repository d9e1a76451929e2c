import type { FormDefinition } from "@flowdesk/core";
import { api } from "../api/api-client.ts";

/* The inbox's typed calls on top of api.request; shapes follow packages/server/src/routes/task*.ts. */

export type TaskState = "open" | "claimed" | "completed" | "cancelled";
export type InboxScope = "mine" | "groups";

export interface TaskOutcome {
  id: string;
  label: string;
}

export interface InboxTask {
  id: string;
  instanceId: string;
  nodeId: string;
  kind: "task" | "approval";
  title: string | null;
  assigneeUser: string | null;
  assigneeGroup: string | null;
  state: TaskState;
  form: string | null;
  data: { outcomes?: TaskOutcome[]; instructions?: string } | null;
  outcome: string | null;
  completedBy: string | null;
  dueAt: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface TaskRequestSummary {
  id: string;
  title: string;
  requester: string;
}

/** The SLA clock a task is measured against (server: routes/task-sla-clock.ts). */
export interface MeasuredClock {
  clock: "response" | "resolution" | "task";
  status: "running" | "paused";
  dueAt: string | null;
  warningAt: string | null;
  warned: boolean;
  breached: boolean;
  targetMs: number | null;
  consumedMs: number | null;
  warningPercents: number[];
}

export type InboxRow = InboxTask & {
  measuredBy: MeasuredClock | null;
  assigneeName: string | null;
  request: (TaskRequestSummary & { requesterName: string }) | null;
};

export type CommentRule = "never" | "on-reject" | "always";

export interface SlaClockView {
  clock: string;
  status: "running" | "paused" | "stopped";
  dueAt: string | null;
  targetMs: number;
  consumedMs: number;
  breached: boolean;
}

export interface TaskContext {
  task: InboxTask;
  step: {
    name: string;
    type: string;
    requireComment: CommentRule;
    allowDelegation: boolean;
    /** The step's outcomes (empty: the single outcome "done"). */
    outcomes: TaskOutcome[];
  };
  form: { id: string; version: number } | null;
  request: (TaskRequestSummary & { createdAt: string }) | null;
  requester: string | null;
  variables: Record<string, unknown>;
  sla: SlaClockView[];
  measuredBy: MeasuredClock | null;
  people: Record<string, string>;
}

const taskPath = (id: string) => `/tasks/${encodeURIComponent(id)}`;

export const inboxApi = {
  list: async (scope: InboxScope, signal?: AbortSignal): Promise<InboxRow[]> =>
    (await api.request<{ items: InboxRow[] }>("GET", `/tasks?scope=${scope}`, undefined, signal)).items,
  context: (id: string, signal?: AbortSignal) =>
    api.request<TaskContext>("GET", `${taskPath(id)}/context`, undefined, signal),
  form: async (form: { id: string; version: number }, signal?: AbortSignal): Promise<FormDefinition> =>
    (
      await api.request<{ definition: FormDefinition }>(
        "GET",
        `/forms/${encodeURIComponent(form.id)}/versions/${form.version}`,
        undefined,
        signal,
      )
    ).definition,
  claim: (task: InboxTask) => api.request<InboxTask>("POST", `${taskPath(task.id)}/claim`),
  unclaim: (task: InboxTask) => api.request<InboxTask>("POST", `${taskPath(task.id)}/unclaim`),
  complete: (task: InboxTask, outcome: string, data: Record<string, unknown>) =>
    api.request<InboxTask>("POST", `${taskPath(task.id)}/complete`, { outcome, data, version: task.version }),
  decide: (task: InboxTask, decision: "approve" | "reject", comment: string) =>
    api.request<InboxTask>("POST", `${taskPath(task.id)}/${decision}`, {
      ...(comment.trim() === "" ? {} : { comment: comment.trim() }),
      version: task.version,
    }),
  reassign: (task: InboxTask, to: { user: string } | { group: string }) =>
    api.request<InboxTask>("POST", `${taskPath(task.id)}/reassign`, to),
  delegate: (task: InboxTask, user: string, comment: string) =>
    api.request<InboxTask>("POST", `${taskPath(task.id)}/delegate`, {
      user,
      ...(comment.trim() === "" ? {} : { comment: comment.trim() }),
    }),
};
