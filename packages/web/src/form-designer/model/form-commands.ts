import type { FormCommand } from "./form-command.ts";
import { addField, moveField, removeField, updateField } from "./form-edits.ts";
import type { FormField, FormModel } from "./form-field.ts";

/*
 * The form designer's edits as commands. Each revert puts back exactly the fields it
 * changed, where they were, so undo gives the same JSON (key order included) and the
 * draft's diff stays clean.
 */

interface PlacedField {
  index: number;
  field: FormField;
}

const withFieldsAt = (model: FormModel, placed: readonly PlacedField[]): FormModel => {
  const fields = [...model.fields];
  for (const { index, field } of placed) fields[index] = field;
  return { ...model, fields };
};

/** Adds a field from the palette, at `index` (dropped between two fields) or last. */
export const addFieldCommand = (field: FormField, index?: number): FormCommand => ({
  name: "field.add",
  execute: (model) => addField(model, field, index),
  revert: (model) => ({
    ...model,
    fields: model.fields.filter((candidate) => candidate.name !== field.name),
  }),
});

/**
 * Removes a field; fields shown only depending on it become always visible, and undo
 * gives them their rule back.
 */
export const removeFieldCommand = (model: FormModel, name: string): FormCommand => {
  const index = model.fields.findIndex((field) => field.name === name);
  const removed = model.fields[index];
  const dependants: PlacedField[] = [];
  model.fields.forEach((field, at) => {
    if (field.visibleWhen?.field === name) dependants.push({ index: at < index ? at : at - 1, field });
  });
  return {
    name: "field.remove",
    execute: (current) => removeField(current, name),
    revert: (current) => {
      if (!removed) return current;
      return addField(withFieldsAt(current, dependants), removed, index);
    },
  };
};

/** Moves a field up or down the form (drag, or Alt+Arrow on the list). */
export const moveFieldCommand = (from: number, to: number): FormCommand => ({
  name: "field.move",
  execute: (model) => moveField(model, from, to),
  revert: (model) => moveField(model, to, from),
});

/**
 * Changes one field in the side panel: label, kind, required, options, limits, pattern,
 * help, visibility or name (a new name is carried into the rules that refer to it).
 * Typing into one field's properties is one undo step.
 */
export const updateFieldCommand = (model: FormModel, name: string, next: FormField): FormCommand => {
  const before: PlacedField[] = [];
  model.fields.forEach((field, index) => {
    // Dependants are kept even when the name stays: a later keystroke in this same
    // (merged) step may rename the field, and undo must give them their rule back too.
    if (field.name === name || field.visibleWhen?.field === name) {
      before.push({ index, field });
    }
  });
  const index = model.fields.findIndex((field) => field.name === name);
  return {
    name: "field.update",
    mergeKey: `field.update:${index}`,
    execute: (current) => updateField(current, name, next),
    revert: (current) => withFieldsAt(current, before),
  };
};

/** Renames the form (its title in the catalog). */
export const renameFormCommand = (model: FormModel, title: string): FormCommand => {
  const previous = model.title;
  return {
    name: "form.rename",
    mergeKey: "form.rename",
    execute: (current) => ({ ...current, title }),
    revert: (current) => ({ ...current, title: previous }),
  };
};

/**
 * Replaces the form with what the process owner typed in the JSON view: the one edit
 * whose revert is the whole previous form, since any part of it may have changed.
 */
export const replaceFormCommand = (model: FormModel, next: FormModel): FormCommand => ({
  name: "form.replace",
  execute: () => next,
  revert: () => model,
});
