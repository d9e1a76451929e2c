import type { WorkflowDefinition } from "@flowdesk/core";
import { api } from "../api/api-client.ts";

/* Typed calls of the live workflow view (workflow-positions.routes.ts, the designer's versions). */

export interface VersionPositions {
  version: number;
  running: number;
  nodes: Record<string, number>;
}

export type SlaStanding = "breached" | "atRisk" | "paused" | "onTrack";

/** One running instance of the live list (workflow-positions.routes.ts WaitingInstance). */
export interface WaitingInstance {
  id: string;
  version: number;
  startedAt: string;
  title: string | null;
  summary: string | null;
  requester: string;
  waiting: { nodeId: string; since: string }[];
  waitingSince: string;
  sla: { priority: string; state: SlaStanding; dueAt: string | null } | null;
}

export interface WorkflowPositions {
  workflowId: string;
  newestVersion: number | null;
  running: number;
  truncated: boolean;
  versions: VersionPositions[];
  /** Running instances, the longest waiting first (the server lists at most 500). */
  instances: WaitingInstance[];
  /** Display names by user name. */
  people: Record<string, string>;
}

export interface NewestVersion {
  version: number;
  definition: WorkflowDefinition;
}

export const liveApi = {
  /** The newest published version, or undefined when the workflow was never published. */
  async newestVersion(workflowId: string): Promise<NewestVersion | undefined> {
    const { items } = await api.versions("workflows", workflowId);
    const newest = items.reduce<number | undefined>(
      (highest, item) => (highest === undefined || item.version > highest ? item.version : highest),
      undefined,
    );
    if (newest === undefined) return undefined;
    const document = await api.version<WorkflowDefinition>("workflows", workflowId, newest);
    return { version: document.version, definition: document.definition };
  },
  positions: (workflowId: string, signal?: AbortSignal) =>
    api.request<WorkflowPositions>(
      "GET",
      `/workflows/${encodeURIComponent(workflowId)}/positions`,
      undefined,
      signal,
    ),
};
