import type { WorkflowDefinition, WorkflowEdge, WorkflowLayout, WorkflowNode } from "@flowdesk/core";
import { withPositions } from "../layout-positions.ts";
import type { WorkflowCommand } from "../workflow-command.ts";
import { removeEdges } from "./edge-commands.ts";
import { removeNodes } from "./node-commands.ts";

/** A copied piece of a workflow: nodes, the edges between them, their positions. */
export interface WorkflowFragment {
  nodes: WorkflowNode[];
  edges: WorkflowEdge[];
  layout: WorkflowLayout;
}

/** Inserts a fragment whose ids are already fresh (see clipboard.ts). */
export const pasteFragment = (fragment: WorkflowFragment): WorkflowCommand => {
  const nodeIds = new Set(fragment.nodes.map((node) => node.id));
  const edgeIds = new Set(fragment.edges.map((edge) => edge.id));
  return {
    name: "selection.paste",
    execute: (definition) =>
      withPositions(
        {
          ...definition,
          nodes: [...definition.nodes, ...fragment.nodes],
          edges: [...definition.edges, ...fragment.edges],
        },
        fragment.layout.nodes,
      ),
    revert: (definition) =>
      withPositions(
        {
          ...definition,
          nodes: definition.nodes.filter((node) => !nodeIds.has(node.id)),
          edges: definition.edges.filter((edge) => !edgeIds.has(edge.id)),
        },
        Object.fromEntries([...nodeIds].map((id) => [id, undefined])),
      ),
  };
};

/** Deletes a mixed selection as one undo step: the edges first, then the nodes. */
export const removeSelection = (
  definition: WorkflowDefinition,
  nodeIds: readonly string[],
  edgeIds: readonly string[],
): WorkflowCommand => {
  const edgesRemoval = removeEdges(definition, edgeIds);
  const nodesRemoval = removeNodes(edgesRemoval.execute(definition), nodeIds);
  return {
    name: "selection.remove",
    execute: (current) => nodesRemoval.execute(edgesRemoval.execute(current)),
    revert: (current) => edgesRemoval.revert(nodesRemoval.revert(current)),
  };
};

/** Replaces every position at once (auto-layout); semantics stay untouched. */
export const applyLayout = (definition: WorkflowDefinition, after: WorkflowLayout): WorkflowCommand => {
  const before = definition.layout;
  const setLayout = (layout: WorkflowLayout | undefined) => (current: WorkflowDefinition) => {
    const { layout: _previous, ...rest } = current;
    return layout ? { ...rest, layout } : rest;
  };
  return { name: "layout.apply", execute: setLayout(after), revert: setLayout(before) };
};

/** Workflow-level settings: title, description, variables schema. */
export type WorkflowSettings = Pick<WorkflowDefinition, "title" | "description" | "variables">;

export const configureWorkflow = (
  definition: WorkflowDefinition,
  after: WorkflowSettings,
): WorkflowCommand => {
  const before: WorkflowSettings = {
    title: definition.title,
    description: definition.description,
    variables: definition.variables,
  };
  const apply = (settings: WorkflowSettings) => (current: WorkflowDefinition) => {
    const { description: _previous, ...rest } = current;
    const next = { ...rest, title: settings.title, variables: settings.variables };
    return settings.description === undefined ? next : { ...next, description: settings.description };
  };
  return {
    name: "workflow.configure",
    mergeKey: "workflow.configure",
    execute: apply(after),
    revert: apply(before),
  };
};
