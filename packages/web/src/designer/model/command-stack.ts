import type { WorkflowDefinition } from "@flowdesk/core";

/**
 * One edit of a designer's document (a workflow, a form), named `noun.verb`. Both
 * directions are pure functions of the document: the command carries what it needs to
 * put the document back exactly as it was, so the stack never keeps whole copies.
 */
export interface DocumentCommand<TDocument, TName extends string = string> {
  readonly name: TName;
  /**
   * Consecutive commands with the same key undo as one step: typing a name letter by
   * letter is one edit, not twenty.
   */
  readonly mergeKey?: string;
  execute(document: TDocument): TDocument;
  revert(document: TDocument): TDocument;
}

/**
 * Undo/redo over pure commands: executing a new command clears what could be redone.
 * The workflow designer and the form designer each keep one, over their own document.
 */
export class CommandStack<TDocument = WorkflowDefinition> {
  private readonly done: DocumentCommand<TDocument>[] = [];
  private readonly undone: DocumentCommand<TDocument>[] = [];

  execute(document: TDocument, command: DocumentCommand<TDocument>): TDocument {
    const next = command.execute(document);
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

  undo(document: TDocument): TDocument {
    const command = this.done.pop();
    if (!command) return document;
    this.undone.push(command);
    return command.revert(document);
  }

  redo(document: TDocument): TDocument {
    const command = this.undone.pop();
    if (!command) return document;
    this.done.push(command);
    return command.execute(document);
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
