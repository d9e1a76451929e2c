import {
  CancelBody,
  InstanceDetail,
  InstanceListQuery,
  InstanceMoved,
  InstancePage,
  type InstanceState,
  RecordIdParams,
  upgradeInstanceState,
  type WaitPosition,
} from "@flowdesk/core";
import type { ApiContext } from "../api/api-context.ts";
import { defineOperation, type Operation } from "../api/operation.ts";
import { COMMAND_REFUSALS } from "../api/standard-responses.ts";
import { notFound } from "../http/problem.ts";
import { runCommand } from "../http/runtime-problem.ts";
import { instanceAudienceOf, maySeeInstance } from "../security/record-visibility.ts";
import { displayNames } from "./people-names.ts";

/** Where the instance waits: one entry per token that waits (task, approval, timer, message...). */
export const currentPositions = (state: InstanceState): WaitPosition[] =>
  Object.values(state.tokens)
    .filter((token) => token.wait !== undefined)
    .map((token) => ({ nodeId: token.nodeId, tokenId: token.id, waitsFor: token.wait?.kind ?? "nothing" }));

/** Same answer for an instance that does not exist and one the caller may not see: existence is not revealed. */
const noSuchInstance = (id: string) => notFound(`There is no instance ${id}.`);

export const instanceOperations = (context: ApiContext): Operation[] => [
  defineOperation({
    operationId: "listInstances",
    method: "get",
    path: "/api/instances",
    summary: "Instances, newest first, filtered by workflow and status",
    tag: "instances",
    query: InstanceListQuery,
    responses: { "200": { description: "A page of instances.", schema: InstancePage } },
    signedIn: true,
    async handle(call) {
      const limit = call.query.limit ?? 50;
      const offset = call.query.offset ?? 0;
      const definitionId = call.query.definition;
      const status = call.query.status;
      const audience = instanceAudienceOf(call.user);
      const items = await context.store.transaction((tx) =>
        tx.instanceList.list({
          limit,
          offset,
          ...(definitionId === undefined ? {} : { definitionId }),
          ...(status === undefined ? {} : { status }),
          ...(audience === undefined ? {} : { audience }),
        }),
      );
      return { status: 200, body: { items, limit, offset } };
    },
  }),
  defineOperation({
    operationId: "getInstance",
    method: "get",
    path: "/api/instances/:id",
    summary: "One instance: variables, history, tasks and where it waits now",
    tag: "instances",
    params: RecordIdParams,
    responses: {
      "200": {
        description: "The instance.",
        schema: InstanceDetail,
      },
      "404": { description: "No such instance, or not one the caller may see." },
    },
    signedIn: true,
    async handle(call) {
      const id = call.params.id;
      const viewer = call.user;
      const body = await context.store.transaction(async (tx) => {
        if (!(await maySeeInstance(tx, viewer, id))) return undefined;
        const instance = await tx.instances.get(id);
        if (instance === undefined) return undefined;
        const state = upgradeInstanceState(instance.state);
        const { state: _state, ...summary } = instance;
        const history = await tx.history.listByInstance(id);
        const tasks = await tx.tasks.listByInstance(id);
        return {
          ...summary,
          requester: state.requester,
          variables: state.variables,
          positions: currentPositions(state),
          history,
          tasks,
          sla: state.sla ?? null,
          incidents: await tx.incidents.listByInstance(id),
          people: await displayNames(tx, [
            state.requester,
            ...history.map((entry) => entry.actor),
            ...tasks.flatMap((task) => [task.assigneeUser, task.completedBy]),
          ]),
        };
      });
      if (body === undefined) throw noSuchInstance(id);
      return { status: 200, body };
    },
  }),
  defineOperation({
    operationId: "cancelInstance",
    method: "post",
    path: "/api/instances/:id/cancel",
    summary: "Cancel a running instance (its open tasks and timers end with it)",
    tag: "instances",
    params: RecordIdParams,
    body: { schema: CancelBody, required: false },
    responses: {
      ...COMMAND_REFUSALS,
      "200": { description: "The instance's new status and version.", schema: InstanceMoved },
      "404": { description: "No such instance, or not one the caller may see." },
    },
    signedIn: true,
    async handle(call) {
      const id = call.params.id;
      const viewer = call.user;
      const reason = call.body?.reason;
      if (!(await context.store.transaction((tx) => maySeeInstance(tx, viewer, id))))
        throw noSuchInstance(id);
      const result = await runCommand(() =>
        context.runtime.cancelInstance({
          instanceId: id,
          by: viewer.username,
          ...(reason === undefined ? {} : { reason }),
        }),
      );
      context.committed(result);
      return {
        status: 200,
        body: { id: result.instance.id, status: result.instance.status, version: result.instance.version },
      };
    },
  }),
];
