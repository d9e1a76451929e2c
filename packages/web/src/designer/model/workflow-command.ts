import type { WorkflowDefinition } from "@flowdesk/core";

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

/**
 * One designer edit. Both directions are pure functions of the definition: the command
 * carries everything it needs to put the definition back exactly as it was, so the undo
 * stack never keeps whole copies of a 1,000-node workflow.
 */
export interface WorkflowCommand {
  readonly name: WorkflowCommandName;
  /**
   * Consecutive commands with the same key undo as one step: typing a node's name
   * letter by letter is one edit, not twenty.
   */
  readonly mergeKey?: string;
  execute(definition: WorkflowDefinition): WorkflowDefinition;
  revert(definition: WorkflowDefinition): WorkflowDefinition;
}

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
