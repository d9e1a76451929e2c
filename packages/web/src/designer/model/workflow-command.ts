import type { WorkflowDefinition } from "@flowdesk/core";
import type { DocumentCommand } from "./command-stack.ts";

/** Names of designer edits, dotted `noun.verb` like every command in Flowdesk. */
export type WorkflowCommandName =
  | "node.add"
  | "node.move"
  | "node.remove"
  | "node.configure"
  | "edge.add"
  | "edge.remove"
  | "edge.configure"
  | "selection.paste"
  | "selection.remove"
  | "layout.apply"
  | "workflow.configure";

/** One workflow designer edit (see DocumentCommand). */
export type WorkflowCommand = DocumentCommand<WorkflowDefinition, WorkflowCommandName>;

/** Several commands that undo as one step (delete a mixed selection, paste). */
export const compositeCommand = (
  name: WorkflowCommandName,
  commands: readonly WorkflowCommand[],
): WorkflowCommand => ({
  name,
  execute: (definition) => commands.reduce((current, command) => command.execute(current), definition),
  revert: (definition) =>
    [...commands].reverse().reduce((current, command) => command.revert(current), definition),
});
