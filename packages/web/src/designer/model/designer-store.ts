import type { WorkflowDefinition } from "@flowdesk/core";
import { CommandStack } from "./command-stack.ts";
import type { WorkflowCommand } from "./workflow-command.ts";

export interface Selection {
  nodes: string[];
  edges: string[];
}

export interface DesignerState {
  definition: WorkflowDefinition;
  selection: Selection;
  canUndo: boolean;
  canRedo: boolean;
  /** Changed since the last save. */
  dirty: boolean;
}

const EMPTY_SELECTION: Selection = { nodes: [], edges: [] };

/**
 * The designer's state without React: the definition, the selection and the undo stack.
 * React subscribes with useSyncExternalStore; tests and benchmarks drive it directly.
 */
export class DesignerStore {
  private readonly stack = new CommandStack();
  private state: DesignerState;
  private readonly listeners = new Set<() => void>();

  constructor(definition: WorkflowDefinition) {
    this.state = { definition, selection: EMPTY_SELECTION, canUndo: false, canRedo: false, dirty: false };
  }

  getState = (): DesignerState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  dispatch(command: WorkflowCommand, selection?: Selection): void {
    const definition = this.stack.execute(this.state.definition, command);
    this.update({ definition, dirty: true, ...(selection ? { selection } : {}) });
  }

  undo(): void {
    if (!this.stack.canUndo) return;
    this.update({ definition: this.stack.undo(this.state.definition), dirty: true });
  }

  redo(): void {
    if (!this.stack.canRedo) return;
    this.update({ definition: this.stack.redo(this.state.definition), dirty: true });
  }

  select(selection: Selection): void {
    const current = this.state.selection;
    if (sameIds(current.nodes, selection.nodes) && sameIds(current.edges, selection.edges)) return;
    this.update({ selection });
  }

  /** Opens another definition (load, import): a fresh history. */
  replace(definition: WorkflowDefinition, dirty = false): void {
    this.stack.clear();
    this.update({ definition, selection: EMPTY_SELECTION, dirty });
  }

  markSaved(): void {
    this.update({ dirty: false });
  }

  private update(patch: Partial<DesignerState>): void {
    const definition = patch.definition ?? this.state.definition;
    const ids = new Set([...definition.nodes.map((n) => n.id), ...definition.edges.map((e) => e.id)]);
    const selection = patch.selection ?? this.state.selection;
    this.state = {
      ...this.state,
      ...patch,
      // Undo can remove a selected element: never keep a selection of something gone.
      selection: {
        nodes: selection.nodes.filter((id) => ids.has(id)),
        edges: selection.edges.filter((id) => ids.has(id)),
      },
      canUndo: this.stack.canUndo,
      canRedo: this.stack.canRedo,
    };
    for (const listener of this.listeners) listener();
  }
}

const sameIds = (left: readonly string[], right: readonly string[]): boolean =>
  left.length === right.length && left.every((id, index) => id === right[index]);
