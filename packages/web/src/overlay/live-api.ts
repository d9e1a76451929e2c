import type { WaitingInstanceView, WorkflowDefinition, WorkflowPositionsView } from "@flowdesk/core";
import { api } from "../api/api-client.ts";

/* Typed calls of the live workflow view (workflow-positions.routes.ts, the designer's versions). */

/* The payloads are the API contract's (@flowdesk/core); these are the names the live view uses. */
export type WorkflowPositions = WorkflowPositionsView;
export type VersionPositions = WorkflowPositionsView["versions"][number];
export type WaitingInstance = WaitingInstanceView;
export type SlaStanding = NonNullable<WaitingInstanceView["sla"]>["state"];

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
