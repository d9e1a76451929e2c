import type { FormModel } from "./form-field.ts";

/**
 * Undo/redo of the form designer. Form models are small, so each step keeps the model
 * as it was; edits with the same key in a row (typing one label) are one step.
 */
export class FormHistory {
  private readonly past: FormModel[] = [];
  private readonly future: FormModel[] = [];
  private lastKey: string | undefined;

  constructor(private current: FormModel) {}

  get model(): FormModel {
    return this.current;
  }

  get canUndo(): boolean {
    return this.past.length > 0;
  }

  get canRedo(): boolean {
    return this.future.length > 0;
  }

  edit(next: FormModel, key?: string): FormModel {
    if (key === undefined || key !== this.lastKey || this.past.length === 0) this.past.push(this.current);
    this.lastKey = key;
    this.future.length = 0;
    this.current = next;
    return next;
  }

  undo(): FormModel {
    const previous = this.past.pop();
    if (previous) {
      this.future.push(this.current);
      this.current = previous;
    }
    this.lastKey = undefined;
    return this.current;
  }

  redo(): FormModel {
    const next = this.future.pop();
    if (next) {
      this.past.push(this.current);
      this.current = next;
    }
    this.lastKey = undefined;
    return this.current;
  }
}
