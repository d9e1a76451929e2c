import type { WorkflowDefinition } from "@flowdesk/core";
import { api } from "../api/api-client.ts";
import { type InstanceSummary, instanceApi } from "../instance/instance-api.ts";

/* Typed calls of the live workflow view (workflow-positions.routes.ts, the designer's versions). */

export interface VersionPositions {
  version: number;
  running: number;
  nodes: Record<string, number>;
}

export interface WorkflowPositions {
  workflowId: string;
  newestVersion: number | null;
  running: number;
  truncated: boolean;
  versions: VersionPositions[];
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
  running: (workflowId: string, signal?: AbortSignal): Promise<{ items: InstanceSummary[] }> =>
    instanceApi.list({ definition: workflowId, status: "running", limit: 200 }, signal),
};
