import {
  CompleteTaskBody,
  DecideApprovalBody,
  DelegateTaskBody,
  InboxTaskList,
  ReassignTaskBody,
  RecordIdParams,
  type Static,
  TaskListQuery,
  TaskView,
  type TSchema,
} from "@flowdesk/core";
import type { CommandResult, TaskRecord } from "@flowdesk/engine";
import type { ApiContext } from "../api/api-context.ts";
import { defineOperation, type Operation, type OperationCall } from "../api/operation.ts";
import { COMMAND_REFUSALS } from "../api/standard-responses.ts";
import { conflict, HTTP_CODES, HttpProblem, notFound } from "../http/problem.ts";
import { runCommand } from "../http/runtime-problem.ts";
import { mayActOnTask, maySeeTask } from "../security/record-visibility.ts";
import type { SignedInUser } from "../security/request-auth.ts";
import { taskContextOperation, withRequests } from "./task-context.routes.ts";

const commandResponse = {
  ...COMMAND_REFUSALS,
  "200": { description: "The task after the change.", schema: TaskView },
  "409": {
    description:
      "Someone else completed or changed the task first, or holds it (claimed or assigned to them): release or reassign it first.",
  },
};

/** Loads a task the caller may act on; others' tasks answer 404 (they need not know it exists). */
const taskForAction = async (
  context: ApiContext,
  call: Pick<OperationCall<{ id: string }>, "user" | "params">,
): Promise<{ task: TaskRecord; user: SignedInUser }> => {
  const user = call.user;
  if (user === null) throw new HttpProblem(401, HTTP_CODES.signInRequired, "Sign in first.");
  const id = call.params.id;
  const task = await context.store.transaction((tx) => tx.tasks.get(id));
  if (task === undefined || !maySeeTask(task, user)) throw notFound(`There is no task ${id} for you.`);
  if (task.state === "completed" || task.state === "cancelled") {
    const who = task.completedBy === null ? "" : ` by ${task.completedBy}`;
    throw conflict(`Task ${id} was already ${task.state}${who}; reload your inbox.`);
  }
  if (!mayActOnTask(task, user)) {
    throw conflict(
      `Task ${id} is claimed by ${task.assigneeUser ?? "someone else"}; ask them or an admin to release it.`,
    );
  }
  return { task, user };
};

const afterCommand = async (context: ApiContext, taskId: string, result: CommandResult) => {
  context.committed(result);
  const task = await context.store.transaction((tx) => tx.tasks.get(taskId));
  return { status: 200, body: task };
};

type TaskAction<Body> = (
  context: ApiContext,
  call: OperationCall<{ id: string }, unknown, Body>,
  task: TaskRecord,
  user: SignedInUser,
) => Promise<CommandResult>;

const taskCommand = <B extends TSchema = TSchema>(
  context: ApiContext,
  spec: {
    operationId: string;
    summary: string;
    body?: { schema: B };
    verb: string;
    run: TaskAction<Static<B>>;
  },
): Operation =>
  defineOperation({
    operationId: spec.operationId,
    method: "post",
    path: `/api/tasks/:id/${spec.verb}`,
    summary: spec.summary,
    tag: "tasks",
    params: RecordIdParams,
    ...(spec.body === undefined ? {} : { body: spec.body }),
    responses: commandResponse,
    async handle(call) {
      const { task, user } = await taskForAction(context, call);
      const result = await runCommand(() => spec.run(context, call, task, user));
      return afterCommand(context, task.id, result);
    },
  });

export const taskOperations = (context: ApiContext): Operation[] => [
  defineOperation({
    operationId: "listTasks",
    method: "get",
    path: "/api/tasks",
    summary: "Open tasks: assigned to me (scope=mine) or waiting in my groups' queues (scope=groups)",
    tag: "tasks",
    query: TaskListQuery,
    responses: { "200": { description: "Open tasks, soonest due first.", schema: InboxTaskList } },
    signedIn: true,
    async handle(call) {
      const user = call.user;
      const scope = call.query.scope ?? "mine";
      const limit = call.query.limit ?? 100;
      if (scope === "groups" && user.groups.length === 0) return { status: 200, body: { items: [] } };
      const items = await context.store.transaction(async (tx) => {
        const open = await (scope === "mine"
          ? tx.tasks.listOpen({ assigneeUser: user.username, limit })
          : tx.tasks.listOpen({ assigneeGroups: user.groups, limit }));
        // A group task someone claimed is theirs: it leaves the group queue.
        return withRequests(tx, scope === "mine" ? open : open.filter((task) => task.assigneeUser === null));
      });
      return { status: 200, body: { items } };
    },
  }),
  defineOperation({
    operationId: "getTask",
    method: "get",
    path: "/api/tasks/:id",
    summary: "One task",
    tag: "tasks",
    params: RecordIdParams,
    responses: { "200": { description: "The task.", schema: TaskView } },
    signedIn: true,
    async handle(call) {
      const user = call.user;
      const id = call.params.id;
      const task = await context.store.transaction((tx) => tx.tasks.get(id));
      if (task === undefined || !maySeeTask(task, user)) throw notFound(`There is no task ${id} for you.`);
      return { status: 200, body: task };
    },
  }),
  taskContextOperation(context),
  taskCommand(context, {
    operationId: "claimTask",
    verb: "claim",
    summary: "Take a task from the group queue",
    run: (ctx, _call, task, user) =>
      ctx.runtime.claimTask({ taskId: task.id, by: user.username, expectedVersion: task.version }),
  }),
  taskCommand(context, {
    operationId: "unclaimTask",
    verb: "unclaim",
    summary: "Put a claimed task back in its group queue",
    run: (ctx, _call, task, user) => {
      if (task.assigneeGroup === null)
        throw conflict(`Task ${task.id} has no group queue to go back to; reassign it.`);
      return ctx.runtime.unclaimTask({ taskId: task.id, by: user.username, expectedVersion: task.version });
    },
  }),
  taskCommand(context, {
    operationId: "completeTask",
    verb: "complete",
    summary: "Complete a task with one of its outcomes and the task form's data",
    body: { schema: CompleteTaskBody },
    run: (ctx, call, task, user) => {
      const body = call.body;
      return ctx.runtime.completeTask({
        taskId: task.id,
        by: user.username,
        ...(body.outcome === undefined ? {} : { outcome: body.outcome }),
        ...(body.data === undefined ? {} : { data: body.data }),
        expectedVersion: body.version ?? task.version,
      });
    },
  }),
  ...(["approve", "reject"] as const).map((verb) =>
    taskCommand(context, {
      operationId: verb === "approve" ? "approveTask" : "rejectTask",
      verb,
      summary: verb === "approve" ? "Approve an approval task" : "Reject an approval task",
      body: { schema: DecideApprovalBody },
      run: (ctx, call, task, user) => {
        const body = call.body;
        if (task.kind !== "approval")
          throw conflict(`Task ${task.id} is not an approval; complete it instead.`);
        return ctx.runtime.decideApproval({
          taskId: task.id,
          by: user.username,
          decision: verb === "approve" ? "approved" : "rejected",
          ...(body.comment === undefined ? {} : { comment: body.comment }),
          expectedVersion: body.version ?? task.version,
        });
      },
    }),
  ),
  taskCommand(context, {
    operationId: "reassignTask",
    verb: "reassign",
    summary: "Send a task to another user or group",
    body: { schema: ReassignTaskBody },
    run: async (ctx, call, task, user) => {
      const body = call.body;
      if ((body.user === undefined) === (body.group === undefined)) {
        throw new HttpProblem(
          400,
          HTTP_CODES.invalidRequest,
          "Name either a user or a group to reassign to.",
        );
      }
      await ensureAssigneeExists(ctx, body);
      return ctx.runtime.reassignTask({
        taskId: task.id,
        by: user.username,
        to:
          body.user !== undefined ? { kind: "user", user: body.user } : { kind: "group", group: body.group! },
        expectedVersion: task.version,
      });
    },
  }),
  taskCommand(context, {
    operationId: "delegateTask",
    verb: "delegate",
    summary: "Hand an approval to another user",
    body: { schema: DelegateTaskBody },
    run: async (ctx, call, task, user) => {
      const body = call.body;
      await ensureAssigneeExists(ctx, body);
      return ctx.runtime.delegateApproval({
        taskId: task.id,
        by: user.username,
        to: body.user,
        ...(body.comment === undefined ? {} : { comment: body.comment }),
      });
    },
  }),
];

const ensureAssigneeExists = async (context: ApiContext, to: { user?: string; group?: string }) => {
  const known = await context.store.transaction(async (tx) =>
    to.user !== undefined
      ? (await tx.users.findByUsername(to.user)) !== undefined
      : to.group !== undefined && (await tx.groups.get(to.group)) !== undefined,
  );
  if (!known) {
    throw new HttpProblem(
      422,
      HTTP_CODES.unprocessable,
      `There is no ${to.user !== undefined ? `user "${to.user}"` : `group "${to.group}"`}.`,
    );
  }
};
