import {
  addField,
  type FormModel,
  fromFormDefinition,
  hasGeneratedName,
  moveField,
  nameFromLabel,
  newField,
  removeField,
  toFormDefinition,
  updateField,
} from "@flowdesk/web/form-model";
import { describe, expect, it } from "vitest";
import fixture from "../fixtures/hardware-request.form-model.json" with { type: "json" };

const model = (): FormModel => structuredClone(fixture) as FormModel;

describe("form designer model", () => {
  it("model -> form definition -> model loses nothing, every field kind included", () => {
    // given
    const original = model();
    // when
    const back = fromFormDefinition(toFormDefinition(original));
    // then
    expect(back).toEqual(original);
  });

  it("form definition -> model -> form definition is stable", () => {
    // given
    const definition = toFormDefinition(model());
    // when
    const again = toFormDefinition(fromFormDefinition(definition));
    // then
    expect(again).toEqual(definition);
  });

  it("a conditional field is required only inside its condition", () => {
    // when
    const { schema } = toFormDefinition(model());
    // then
    expect(schema.required).toEqual(["category"]);
    expect(schema.properties).not.toHaveProperty("other_detail");
    expect((schema.allOf as unknown[])[0]).toEqual({
      if: { properties: { category: { const: "Other" } }, required: ["category"] },
      // biome-ignore lint/suspicious/noThenProperty: `then` is the JSON Schema keyword here.
      then: {
        properties: {
          other_detail: { type: "string", title: "What do you need?", minLength: 3, maxLength: 200 },
        },
        required: ["other_detail"],
      },
    });
  });

  it("lookup fields name their directory source", () => {
    // when
    const definition = toFormDefinition(model());
    // then
    expect(definition.lookups).toEqual({
      approver: { source: "users" },
      team: { source: "groups" },
      asset: { source: "configurationItems" },
    });
  });

  it("adds fields under unused names, moves and removes them", () => {
    // given
    const start = model();
    const field = newField(start, "shortText", "Asset tag");
    // when
    const added = addField(start, field, 0);
    const moved = moveField(added, 0, 2);
    const removed = removeField(moved, "category");
    // then
    expect(field.name).toBe("short_text_1");
    expect(moved.fields.slice(0, 3).map((f) => f.name)).toEqual(["category", "other_detail", "short_text_1"]);
    expect(removed.fields.find((f) => f.name === "other_detail")?.visibleWhen).toBeUndefined();
  });

  it("renaming a field carries the new name into visibility rules", () => {
    // given
    const start = model();
    const urgent = start.fields.find((f) => f.name === "urgent")!;
    // when
    const renamed = updateField(start, "urgent", { ...urgent, name: "is_urgent" });
    // then
    expect(renamed.fields.find((f) => f.name === "reason")?.visibleWhen).toEqual({
      field: "is_urgent",
      equals: true,
    });
  });
});

describe("field names", () => {
  it("derives a data name from a label, and tells generated names apart", () => {
    // when
    const names = ["Asset tag", "2nd approver", "设备", "  Cost (USD) "].map(nameFromLabel);
    // then
    expect(names).toEqual(["asset_tag", "field_2nd_approver", undefined, "cost_usd"]);
    expect(hasGeneratedName({ name: "short_text_3", kind: "shortText", label: "x", required: false })).toBe(
      true,
    );
    expect(hasGeneratedName({ name: "asset_tag", kind: "shortText", label: "x", required: false })).toBe(
      false,
    );
  });
});
