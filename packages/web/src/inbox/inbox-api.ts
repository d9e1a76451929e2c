import type {
  FormDefinition,
  InboxScope,
  InboxTaskList,
  InboxTask as InboxTaskView,
  TaskContext,
  TaskContextClock,
  TaskOutcomeView,
  TaskSlaClock,
  TaskView,
} from "@flowdesk/core";
import { api } from "../api/api-client.ts";

/* The inbox's typed calls on top of api.request. */

/* The payloads are the API contract's (@flowdesk/core); these are the names the inbox uses. */
export type { InboxScope, TaskContext };
/** A task as a command answers it. */
export type InboxTask = TaskView;
/** A row of the inbox list: the task with its request, assignee name and SLA clock. */
export type InboxRow = InboxTaskView;
export type TaskState = InboxTask["state"];
export type TaskOutcome = TaskOutcomeView;
export type TaskRequestSummary = NonNullable<InboxRow["request"]>;
/** The SLA clock a task is measured against. */
export type MeasuredClock = TaskSlaClock;
export type CommentRule = TaskContext["step"]["requireComment"];
export type SlaClockView = TaskContextClock;

/** What a user task's data may carry for the person working it (the step's instructions). */
export const taskInstructions = (task: InboxTask): string | undefined => {
  const instructions = (task.data as { instructions?: unknown } | null)?.instructions;
  return typeof instructions === "string" ? instructions : undefined;
};

const taskPath = (id: string) => `/tasks/${encodeURIComponent(id)}`;

export const inboxApi = {
  list: async (scope: InboxScope, signal?: AbortSignal): Promise<InboxRow[]> =>
    (await api.request<InboxTaskList>("GET", `/tasks?scope=${scope}`, undefined, signal)).items,
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
