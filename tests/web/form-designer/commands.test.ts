import {
  addFieldCommand,
  CommandStack,
  type FormCommand,
  type FormModel,
  moveFieldCommand,
  newField,
  removeFieldCommand,
  renameFormCommand,
  replaceFormCommand,
  updateFieldCommand,
} from "@flowdesk/web/form-model";
import { describe, expect, it } from "vitest";
import fixture from "../fixtures/hardware-request.form-model.json" with { type: "json" };

const form = (): FormModel => structuredClone(fixture) as FormModel;

/**
 * Executing then reverting gives back the exact same JSON, key order included; and
 * executing again after the revert gives what executing once gave (redo).
 */
const expectRoundTrip = (model: FormModel, command: FormCommand): FormModel => {
  const before = JSON.stringify(model);
  const after = command.execute(model);
  const reverted = command.revert(after);
  expect(JSON.stringify(reverted)).toBe(before);
  expect(JSON.stringify(command.execute(reverted))).toBe(JSON.stringify(after));
  return after;
};

const names = (model: FormModel) => model.fields.map((field) => field.name);

describe("form designer commands", () => {
  it("field.add puts a palette field where it was dropped, revert takes it out", () => {
    // given
    const model = form();
    const field = newField(model, "email", "E-mail");
    const command = addFieldCommand(field, 1);
    // when
    const after = expectRoundTrip(model, command);
    // then
    expect(command.name).toBe("field.add");
    expect(names(after).slice(0, 3)).toEqual(["category", "email_1", "other_detail"]);
  });

  it("field.add without a place appends the field", () => {
    // given
    const model = form();
    const command = addFieldCommand(newField(model, "date", "Date"));
    // when
    const after = expectRoundTrip(model, command);
    // then
    expect(names(after).at(-1)).toBe("date_1");
  });

  it("field.remove frees the fields shown depending on it, revert gives their rule back", () => {
    // given "other_detail" is shown only when category is Other
    const model = form();
    const command = removeFieldCommand(model, "category");
    // when
    const after = expectRoundTrip(model, command);
    // then
    expect(command.name).toBe("field.remove");
    expect(names(after)).not.toContain("category");
    expect(after.fields.find((field) => field.name === "other_detail")?.visibleWhen).toBeUndefined();
  });

  it("field.move reorders the fields", () => {
    // given
    const model = form();
    const command = moveFieldCommand(0, 3);
    // when
    const after = expectRoundTrip(model, command);
    // then
    expect(command.name).toBe("field.move");
    expect(names(after).slice(0, 4)).toEqual(["other_detail", "quantity", "urgent", "category"]);
  });

  it("field.update changes label, kind, required, options and limits of one field", () => {
    // given
    const model = form();
    const category = model.fields[0]!;
    const command = updateFieldCommand(model, "category", {
      ...category,
      label: "Kind of hardware",
      kind: "multipleChoice",
      required: false,
      options: ["Laptop", "Dock"],
      min: 1,
    });
    // when
    const after = expectRoundTrip(model, command);
    // then
    expect(command.name).toBe("field.update");
    expect(after.fields[0]).toMatchObject({ label: "Kind of hardware", kind: "multipleChoice", min: 1 });
    expect(after.fields.slice(1)).toEqual(model.fields.slice(1));
  });

  it("field.update renaming a field carries the name into visibility rules, and revert carries it back", () => {
    // given
    const model = form();
    const command = updateFieldCommand(model, "category", { ...model.fields[0]!, name: "hardware_kind" });
    // when
    const after = expectRoundTrip(model, command);
    // then
    expect(after.fields[1]?.visibleWhen).toEqual({ field: "hardware_kind", equals: "Other" });
  });

  it("form.rename changes the title only", () => {
    // given
    const model = form();
    const command = renameFormCommand(model, "Order hardware");
    // when
    const after = expectRoundTrip(model, command);
    // then
    expect(command.name).toBe("form.rename");
    expect(after).toEqual({ ...model, title: "Order hardware" });
  });

  it("form.replace takes what was typed in the JSON view", () => {
    // given
    const model = form();
    const typed: FormModel = { id: model.id, title: "Typed", fields: model.fields.slice(0, 1) };
    const command = replaceFormCommand(model, typed);
    // when
    const after = expectRoundTrip(model, command);
    // then
    expect(command.name).toBe("form.replace");
    expect(after).toEqual(typed);
  });
});

describe("form designer undo stack", () => {
  it("undoes typing a field's label as one step, then the field's addition, and redoes them", () => {
    // given
    const stack = new CommandStack<FormModel>();
    const empty: FormModel = { id: "new-laptop", title: "New laptop", fields: [] };
    const field = newField(empty, "shortText", "Short text");
    let model = stack.execute(empty, addFieldCommand(field));
    for (const label of ["A", "As", "Asset"]) {
      const current = model.fields[0]!;
      model = stack.execute(model, updateFieldCommand(model, current.name, { ...current, label }));
    }
    // when
    const undone = stack.undo(model);
    const undoneTwice = stack.undo(undone);
    const redone = stack.redo(undoneTwice);
    // then
    expect(undone.fields[0]?.label).toBe("Short text");
    expect(undoneTwice).toEqual(empty);
    expect(redone.fields).toEqual([field]);
    expect(stack.nextUndo).toBe("field.add");
    expect(stack.canRedo).toBe(true);
  });

  it("undoes a label edit followed by a rename in the same step, visibility rules included", () => {
    // given
    const stack = new CommandStack<FormModel>();
    const original = form();
    const category = original.fields[0]!;
    let model = stack.execute(
      original,
      updateFieldCommand(original, "category", { ...category, label: "Kind" }),
    );
    const relabelled = model.fields[0]!;
    model = stack.execute(model, updateFieldCommand(model, "category", { ...relabelled, name: "kind" }));
    // when
    const undone = stack.undo(model);
    // then
    expect(model.fields[1]?.visibleWhen?.field).toBe("kind");
    expect(JSON.stringify(undone)).toBe(JSON.stringify(original));
  });

  it("undoes typing the form's title as one step", () => {
    // given
    const stack = new CommandStack<FormModel>();
    const original = form();
    let model = original;
    for (const title of ["H", "Ha", "Har"]) model = stack.execute(model, renameFormCommand(model, title));
    // when
    const undone = stack.undo(model);
    // then
    expect(undone.title).toBe("Hardware request");
    expect(stack.canUndo).toBe(false);
  });
});
