import {
  clockStanding,
  type InboxTask,
  RecordIdParams,
  TaskContext,
  type TaskContextClock,
  upgradeInstanceState,
} from "@flowdesk/core";
import type { TaskRecord } from "@flowdesk/engine";
import type { ServerTransaction } from "@flowdesk/store";
import type { ApiContext } from "../api/api-context.ts";
import { defineOperation, type Operation } from "../api/operation.ts";
import { notFound } from "../http/problem.ts";
import { maySeeTask } from "../security/record-visibility.ts";
import { displayNames } from "./people-names.ts";
import { taskMeasurer } from "./task-sla-clock.ts";

/*
 * What an inbox needs beside the task itself to work on it: the step's rules (approval
 * comment rule), the task form's version it opened with, the request it belongs to, the data
 * the request carries, its SLA clocks and the display names of the people involved.
 * Approvers need not be staff, and workflow definitions and instances are staff-only, so
 * this answers exactly what the task's assignee may know, under the task's own visibility.
 */

interface WorkflowNode {
  id: string;
  type: string;
  name?: string;
  config?: {
    requireComment?: "never" | "on-reject" | "always";
    allowDelegation?: boolean;
    outcomes?: { id: string; label: string }[];
  };
}

const stepOf = async (tx: ServerTransaction, task: TaskRecord, definitionId: string, version: number) => {
  const workflow = await tx.definitions.getVersion(definitionId, version);
  const nodes = ((workflow?.content as { nodes?: WorkflowNode[] } | undefined)?.nodes ??
    []) as WorkflowNode[];
  const node = nodes.find((candidate) => candidate.id === task.nodeId);
  return {
    name: node?.name ?? task.title ?? task.nodeId,
    type: node?.type ?? (task.kind === "approval" ? "approval" : "user-task"),
    requireComment: task.kind === "approval" ? (node?.config?.requireComment ?? "on-reject") : "never",
    allowDelegation: node?.config?.allowDelegation === true,
    // Read from the step, not the task row: completing a task replaces its data with the form's.
    outcomes: task.kind === "task" ? (node?.config?.outcomes ?? []) : [],
  };
};

const slaClocksOf = (state: ReturnType<typeof upgradeInstanceState>, now: number): TaskContextClock[] =>
  Object.entries(state.sla?.clocks ?? {}).map(([clock, value]) => ({
    clock,
    status: value.status,
    dueAt: value.dueAt ?? null,
    targetMs: value.targetMs,
    consumedMs: value.consumedMs,
    breached: value.breached,
    standing: clockStanding(value, now),
  }));

/** The form version the task opened with; rows from before versions were pinned get the latest. */
const formVersionOf = async (tx: ServerTransaction, task: TaskRecord): Promise<number | undefined> => {
  if (task.form === null) return undefined;
  if (typeof task.formVersion === "number") return task.formVersion;
  return (await tx.definitions.latestVersion(task.form))?.version;
};

export const loadTaskContext = async (
  tx: ServerTransaction,
  task: TaskRecord,
  now: number = Date.now(),
): Promise<TaskContext> => {
  const instance = await tx.instances.get(task.instanceId);
  const state = instance === undefined ? undefined : upgradeInstanceState(instance.state);
  const request = await tx.requests.get(task.instanceId);
  const form = await formVersionOf(tx, task);
  const requester = request?.requester ?? state?.requester ?? null;
  return {
    task,
    step:
      instance === undefined
        ? {
            name: task.title ?? task.nodeId,
            type: task.kind,
            requireComment: "on-reject",
            allowDelegation: false,
            outcomes: [],
          }
        : await stepOf(tx, task, instance.definitionId, instance.definitionVersion),
    form: form === undefined || task.form === null ? null : { id: task.form, version: form },
    request:
      request === undefined
        ? null
        : {
            id: request.instanceId,
            title: request.title,
            requester: request.requester,
            createdAt: request.createdAt,
          },
    requester,
    variables: state?.variables ?? {},
    sla: state === undefined ? [] : slaClocksOf(state, now),
    measuredBy: await taskMeasurer(tx)(task),
    people: await displayNames(tx, [task.assigneeUser, task.completedBy, requester]),
  };
};

export const taskContextOperation = (context: ApiContext): Operation =>
  defineOperation({
    operationId: "getTaskContext",
    method: "get",
    path: "/api/tasks/:id/context",
    summary: "One task with what its assignee needs to act: step rules, form version, request, data, SLA",
    tag: "tasks",
    params: RecordIdParams,
    responses: {
      "200": { description: "The task and its context.", schema: TaskContext },
      "404": { description: "No such task, or not one the caller may see." },
    },
    signedIn: true,
    async handle(call) {
      const user = call.user;
      const id = call.params.id;
      const body = await context.store.transaction(async (tx) => {
        const task = await tx.tasks.get(id);
        if (task === undefined || !maySeeTask(task, user)) return undefined;
        return loadTaskContext(tx, task);
      });
      if (body === undefined) throw notFound(`There is no task ${id} for you.`);
      return { status: 200, body };
    },
  });

/** Each listed task with its request's title and requester, people's display names and its SLA clock, for inbox rows. */
export const withRequests = async (
  tx: ServerTransaction,
  tasks: readonly TaskRecord[],
): Promise<InboxTask[]> => {
  const requests = new Map<string, { id: string; title: string; requester: string } | null>();
  const measure = taskMeasurer(tx);
  const clocks = new Map<string, Awaited<ReturnType<typeof measure>>>();
  for (const task of tasks) {
    clocks.set(task.id, await measure(task));
    if (requests.has(task.instanceId)) continue;
    const request = await tx.requests.get(task.instanceId);
    requests.set(
      task.instanceId,
      request === undefined
        ? null
        : { id: request.instanceId, title: request.title, requester: request.requester },
    );
  }
  const names = await displayNames(tx, [
    ...tasks.map((task) => task.assigneeUser),
    ...[...requests.values()].map((request) => request?.requester),
  ]);
  return tasks.map((task) => {
    const request = requests.get(task.instanceId) ?? null;
    return {
      ...task,
      measuredBy: clocks.get(task.id) ?? null,
      assigneeName: task.assigneeUser === null ? null : (names[task.assigneeUser] ?? task.assigneeUser),
      request:
        request === null
          ? null
          : { ...request, requesterName: names[request.requester] ?? request.requester },
    };
  });
};
