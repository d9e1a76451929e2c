import { addField, FormHistory, type FormModel, newField, updateField } from "@flowdesk/web/form-model";
import { describe, expect, it } from "vitest";

const empty: FormModel = { id: "new-laptop", title: "New laptop", fields: [] };

describe("form designer history", () => {
  it("undoes and redoes edits, typing into one field being one step", () => {
    // given
    const history = new FormHistory(empty);
    const field = newField(empty, "shortText", "Short text");
    const added = history.edit(addField(empty, field));
    history.edit(updateField(added, field.name, { ...field, label: "A" }), "field:0");
    history.edit(updateField(added, field.name, { ...field, label: "As" }), "field:0");
    // when
    const undone = history.undo();
    const undoneTwice = history.undo();
    const redone = history.redo();
    // then
    expect(undone.fields[0]?.label).toBe("Short text");
    expect(undoneTwice).toEqual(empty);
    expect(redone.fields).toHaveLength(1);
    expect(history.canRedo).toBe(true);
  });
});
