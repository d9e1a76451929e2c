import {
  type InstanceState,
  SlugParams,
  slaStanding,
  upgradeInstanceState,
  type WaitingInstanceView,
  WorkflowPositionsView,
} from "@flowdesk/core";
import type { InstanceSummary, ServerTransaction } from "@flowdesk/store";
import type { ApiContext } from "../api/api-context.ts";
import { defineOperation, type Operation } from "../api/operation.ts";
import { notFound } from "../http/problem.ts";
import { currentPositions } from "./instance.routes.ts";
import { displayNames } from "./people-names.ts";

/** Running instances read per page; the answer says `truncated` past MAX_INSTANCES. */
const PAGE = 200;
const MAX_INSTANCES = 10_000;
/** Rows of the waiting list: the longest waiting first, so a page of them is the one that needs attention. */
const MAX_LISTED = 500;
/** Form fields a request's one-line summary is read from, in this order (the ITIL pack uses shortDescription). */
const SUMMARY_FIELDS = ["summary", "shortDescription", "subject", "title"];

export interface VersionPositions {
  version: number;
  running: number;
  /** Node id -> how many running instances wait there (an instance waiting twice at one node counts once). */
  nodes: Record<string, number>;
}

export type WaitingInstance = WaitingInstanceView;

/** When each waiting token of the instance began to wait, by step. */
const waitingOf = (state: InstanceState, summary: InstanceSummary) => {
  const tasks = Object.values(state.tasks);
  return Object.values(state.tokens).flatMap((token) => {
    if (token.wait === undefined) return [];
    const wait = token.wait;
    const taskTimes = tasks
      .filter((task) => (wait.kind === "task" ? task.id === wait.taskId : task.tokenId === token.id))
      .map((task) => task.createdAt)
      .sort();
    return [{ nodeId: token.nodeId, since: taskTimes[0] ?? summary.updatedAt }];
  });
};

const slaOf = (state: InstanceState, now: Date): WaitingInstance["sla"] => {
  const sla = state.sla;
  if (sla === undefined) return null;
  const clocks = Object.values(sla.clocks);
  const running = clocks.filter((clock) => clock.status === "running");
  const dueAt = running.flatMap((clock) => (clock.dueAt ? [clock.dueAt] : [])).sort()[0] ?? null;
  // A warning escalation already reached on a clock is what puts it at risk.
  const readings = clocks.map((clock) => ({ ...clock, warned: clock.reached.length > 0 }));
  return { priority: sla.priority, state: slaStanding(readings, sla.paused, now.getTime()), dueAt };
};

const summaryOf = (variables: Record<string, unknown>): string | null => {
  for (const field of SUMMARY_FIELDS) {
    const value = variables[field];
    if (typeof value === "string" && value.trim() !== "") return value.trim();
  }
  return null;
};

const waitingInstance = async (
  tx: ServerTransaction,
  summary: InstanceSummary,
  state: InstanceState,
  now: Date,
): Promise<WaitingInstance> => {
  const request = await tx.requests.get(summary.id);
  const waiting = waitingOf(state, summary);
  return {
    id: summary.id,
    version: summary.definitionVersion,
    startedAt: summary.createdAt,
    title: request?.title ?? null,
    summary: summaryOf(state.variables),
    requester: request?.requester ?? state.requester,
    waiting,
    waitingSince: waiting.map((entry) => entry.since).sort()[0] ?? summary.updatedAt,
    sla: slaOf(state, now),
  };
};

/** Counts where each running instance of `workflowId` waits, grouped by the version it runs on. */
const countPositions = async (tx: ServerTransaction, workflowId: string, now: Date) => {
  const byVersion = new Map<number, VersionPositions>();
  let read = 0;
  let truncated = false;
  const instances: WaitingInstance[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await tx.instanceList.list({
      definitionId: workflowId,
      status: "running",
      limit: PAGE,
      offset,
    });
    for (const summary of page) {
      if (read >= MAX_INSTANCES) {
        truncated = true;
        break;
      }
      read++;
      const instance = await tx.instances.get(summary.id);
      if (instance === undefined) continue;
      const state = upgradeInstanceState(instance.state);
      instances.push(await waitingInstance(tx, summary, state, now));
      const entry = byVersion.get(summary.definitionVersion) ?? {
        version: summary.definitionVersion,
        running: 0,
        nodes: {},
      };
      entry.running++;
      const waitingAt = new Set(currentPositions(state).map((p) => p.nodeId));
      for (const nodeId of waitingAt) entry.nodes[nodeId] = (entry.nodes[nodeId] ?? 0) + 1;
      byVersion.set(summary.definitionVersion, entry);
    }
    if (truncated || page.length < PAGE) break;
  }
  const versions = [...byVersion.values()].sort((left, right) => right.version - left.version);
  const listed = instances
    .sort(
      (left, right) => left.waitingSince.localeCompare(right.waitingSince) || left.id.localeCompare(right.id),
    )
    .slice(0, MAX_LISTED);
  const people = await displayNames(
    tx,
    listed.map((entry) => entry.requester),
  );
  return { versions, running: read, truncated, instances: listed, people };
};

/** The live view of a workflow: where its running instances stand, per step. */
export const workflowPositionOperations = (context: ApiContext): Operation[] => [
  defineOperation({
    operationId: "getWorkflowsPositions",
    method: "get",
    path: "/api/workflows/:id/positions",
    summary:
      "How many running instances of a workflow wait at each step, per published version, and which wait longest",
    tag: "workflows",
    params: SlugParams,
    responses: {
      "200": { description: "Counts per step, newest version first.", schema: WorkflowPositionsView },
      "404": { description: "Unknown workflow." },
    },
    async handle(call) {
      const workflowId = call.params.id;
      const body = await context.store.transaction(async (tx) => {
        if ((await tx.definitionSummaries.kindOf(workflowId)) !== "workflow") return undefined;
        const newest = await tx.definitions.latestPublished(workflowId);
        return {
          workflowId,
          newestVersion: newest?.version ?? null,
          ...(await countPositions(tx, workflowId, context.now())),
        };
      });
      if (body === undefined) throw notFound(`There is no workflow ${workflowId}.`);
      return { status: 200, body };
    },
  }),
];
