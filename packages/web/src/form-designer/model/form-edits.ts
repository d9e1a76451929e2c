import type { FormField, FormModel } from "./form-field.ts";

/* Pure edits of a form model; form-commands.ts makes undoable commands of them. */

export const addField = (model: FormModel, field: FormField, index = model.fields.length): FormModel => {
  const fields = [...model.fields];
  fields.splice(index, 0, field);
  return { ...model, fields };
};

export const moveField = (model: FormModel, from: number, to: number): FormModel => {
  if (from === to || from < 0 || to < 0 || from >= model.fields.length || to >= model.fields.length)
    return model;
  const fields = [...model.fields];
  const [field] = fields.splice(from, 1);
  fields.splice(to, 0, field!);
  return { ...model, fields };
};

/** Removes a field; fields that were shown depending on it become always visible. */
export const removeField = (model: FormModel, name: string): FormModel => ({
  ...model,
  fields: model.fields
    .filter((field) => field.name !== name)
    .map((field) => {
      if (field.visibleWhen?.field !== name) return field;
      const { visibleWhen: _gone, ...rest } = field;
      return rest;
    }),
});

/** Changes a field; a new name is carried into the rules that refer to it. */
export const updateField = (model: FormModel, name: string, next: FormField): FormModel => ({
  ...model,
  fields: model.fields.map((field) => {
    if (field.name === name) return next;
    if (next.name !== name && field.visibleWhen?.field === name) {
      return { ...field, visibleWhen: { ...field.visibleWhen, field: next.name } };
    }
    return field;
  }),
});
