import type { WorkflowDefinition } from "@flowdesk/core";
import type { WorkflowCommand } from "./workflow-command.ts";

/** Undo/redo over pure commands: executing a new command clears what could be redone. */
export class CommandStack {
  private readonly done: WorkflowCommand[] = [];
  private readonly undone: WorkflowCommand[] = [];

  execute(definition: WorkflowDefinition, command: WorkflowCommand): WorkflowDefinition {
    const next = command.execute(definition);
    const last = this.done.at(-1);
    if (command.mergeKey !== undefined && last?.mergeKey === command.mergeKey && this.undone.length === 0) {
      // Keep the older revert (back to before the first keystroke), take the newer execute.
      this.done[this.done.length - 1] = { ...command, revert: last.revert };
    } else {
      this.done.push(command);
    }
    this.undone.length = 0;
    return next;
  }

  undo(definition: WorkflowDefinition): WorkflowDefinition {
    const command = this.done.pop();
    if (!command) return definition;
    this.undone.push(command);
    return command.revert(definition);
  }

  redo(definition: WorkflowDefinition): WorkflowDefinition {
    const command = this.undone.pop();
    if (!command) return definition;
    this.done.push(command);
    return command.execute(definition);
  }

  get canUndo(): boolean {
    return this.done.length > 0;
  }

  get canRedo(): boolean {
    return this.undone.length > 0;
  }

  /** Name of the command Ctrl+Z would revert, for the toolbar's tooltip. */
  get nextUndo(): string | undefined {
    return this.done.at(-1)?.name;
  }

  clear(): void {
    this.done.length = 0;
    this.undone.length = 0;
  }
}
