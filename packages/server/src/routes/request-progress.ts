import {
  clockStanding,
  type RequestProgress,
  slaStanding,
  upgradeInstanceState,
  type WorkflowDefinition,
} from "@flowdesk/core";
import type { RequestSummary, ServerTransaction } from "@flowdesk/store";
import type { SignedInUser } from "../security/request-auth.ts";
import { displayNames } from "./people-names.ts";

/** Both clocks, in the order a requester reads them. */
const SLA_CLOCK_NAMES = ["response", "resolution"] as const;

/*
 * What a requester needs beside the raw history to follow their request: the names of
 * the workflow's steps (history names steps by node id), the SLA clocks with their due
 * instants, and whether they may still withdraw it.
 */

/** What the names are read from: a stored history row. */
interface HistoryRow {
  actor: string | null;
  data: unknown;
}

/** User names the history names as actors or assignees, plus the requester and current assignees. */
const namedPeople = (
  request: RequestSummary,
  history: readonly HistoryRow[],
  assignees: readonly string[],
) => {
  const names = new Set<string>([request.requester, ...assignees]);
  for (const entry of history) {
    if (entry.actor) names.add(entry.actor);
    const data = (entry.data ?? {}) as { assignment?: { user?: unknown }; to?: unknown };
    if (typeof data.assignment?.user === "string") names.add(data.assignment.user);
    if (typeof data.to === "string") names.add(data.to);
  }
  return [...names];
};

export const requestProgress = async (
  tx: ServerTransaction,
  request: RequestSummary,
  viewer: SignedInUser,
  history: readonly HistoryRow[],
  assignees: readonly string[],
  now: number = Date.now(),
): Promise<RequestProgress> => {
  const workflow = await tx.definitions.getVersion(request.workflowId, request.workflowVersion);
  const nodes = (workflow?.content as WorkflowDefinition | undefined)?.nodes ?? [];
  const steps = Object.fromEntries(
    nodes.map((node) => [node.id, { name: node.name ?? node.id, type: String(node.type) }]),
  );
  const instance = await tx.instances.get(request.instanceId);
  const sla = instance === undefined ? undefined : upgradeInstanceState(instance.state).sla;
  // A request names a handful of people.
  const people = await displayNames(tx, namedPeople(request, history, assignees));
  return {
    steps,
    people,
    sla:
      sla === undefined
        ? null
        : {
            priority: sla.priority,
            paused: sla.paused,
            standing: slaStanding(Object.values(sla.clocks), sla.paused, now),
            clocks: SLA_CLOCK_NAMES.map((clock) => [clock, sla.clocks[clock]] as const).map(
              ([clock, state]) => ({
                clock,
                status: state.status,
                dueAt: state.dueAt ?? null,
                stoppedAt: state.stoppedAt ?? null,
                breached: state.breached,
                standing: clockStanding(state, now),
              }),
            ),
          },
    mayCancel: request.requesterId === viewer.id && request.status === "running",
  };
};
