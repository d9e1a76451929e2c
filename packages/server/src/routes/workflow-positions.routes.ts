import { upgradeInstanceState } from "@flowdesk/core";
import type { ServerTransaction } from "@flowdesk/store";
import type { ApiContext } from "../api/api-context.ts";
import type { Operation } from "../api/operation.ts";
import { notFound } from "../http/problem.ts";
import { ID_PARAMS } from "./definition-route-schemas.ts";
import { currentPositions } from "./instance.routes.ts";

/** Running instances read per page; the answer says `truncated` past MAX_INSTANCES. */
const PAGE = 200;
const MAX_INSTANCES = 10_000;

export interface VersionPositions {
  version: number;
  running: number;
  /** Node id -> how many running instances wait there (an instance waiting twice at one node counts once). */
  nodes: Record<string, number>;
}

const POSITIONS_SCHEMA = {
  type: "object",
  required: ["workflowId", "newestVersion", "running", "versions", "truncated"],
  properties: {
    workflowId: { type: "string" },
    newestVersion: { type: ["integer", "null"] },
    running: { type: "integer" },
    truncated: { type: "boolean" },
    versions: {
      type: "array",
      items: {
        type: "object",
        required: ["version", "running", "nodes"],
        properties: {
          version: { type: "integer" },
          running: { type: "integer" },
          nodes: { type: "object", additionalProperties: { type: "integer" } },
        },
      },
    },
  },
};

/** Counts where each running instance of `workflowId` waits, grouped by the version it runs on. */
const countPositions = async (tx: ServerTransaction, workflowId: string) => {
  const byVersion = new Map<number, VersionPositions>();
  let read = 0;
  let truncated = false;
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
      const entry = byVersion.get(summary.definitionVersion) ?? {
        version: summary.definitionVersion,
        running: 0,
        nodes: {},
      };
      entry.running++;
      const waitingAt = new Set(currentPositions(upgradeInstanceState(instance.state)).map((p) => p.nodeId));
      for (const nodeId of waitingAt) entry.nodes[nodeId] = (entry.nodes[nodeId] ?? 0) + 1;
      byVersion.set(summary.definitionVersion, entry);
    }
    if (truncated || page.length < PAGE) break;
  }
  const versions = [...byVersion.values()].sort((left, right) => right.version - left.version);
  return { versions, running: read, truncated };
};

/** The live view of a workflow: where its running instances stand, per step. */
export const workflowPositionOperations = (context: ApiContext): Operation[] => [
  {
    operationId: "getWorkflowsPositions",
    method: "get",
    path: "/api/workflows/:id/positions",
    summary: "How many running instances of a workflow wait at each step, per published version",
    tag: "workflows",
    params: ID_PARAMS,
    responses: {
      "200": { description: "Counts per step, newest version first.", schema: POSITIONS_SCHEMA },
      "404": { description: "Unknown workflow." },
    },
    async handle(call) {
      const workflowId = String(call.params.id);
      const body = await context.store.transaction(async (tx) => {
        if ((await tx.definitionSummaries.kindOf(workflowId)) !== "workflow") return undefined;
        const newest = await tx.definitions.latestPublished(workflowId);
        return {
          workflowId,
          newestVersion: newest?.version ?? null,
          ...(await countPositions(tx, workflowId)),
        };
      });
      if (body === undefined) throw notFound(`There is no workflow ${workflowId}.`);
      return { status: 200, body };
    },
  },
];
