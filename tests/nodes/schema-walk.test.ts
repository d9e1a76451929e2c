import { nodeRegistry } from "@flowdesk/nodes";
import { describe, expect, it } from "vitest";
import { schemasAtPointer, unknownUiKeys } from "./schema-walk.ts";

// The descriptor checks are only as good as these helpers: show that they do catch slips.
const userTask = nodeRegistry["user-task"]!;
const serviceCall = nodeRegistry["service-call"]!;

describe("schema walk used by the descriptor tests", () => {
  it("reports misspelt uiSchema keys at any depth, through oneOf branches and array items", () => {
    // given
    const misspelt = {
      asignee: {},
      assignee: { grup: {} },
      timers: { items: { afer: {} } },
      "ui:order": ["assignee", "dueDate"],
    };

    // when
    const unknown = unknownUiKeys(userTask.propertySchema, misspelt);

    // then
    expect(unknown.sort()).toEqual(["/asignee", "/assignee/grup", "/timers/items/afer", "/ui:order:dueDate"]);
  });

  it("follows wildcard pointers into arrays and maps, and finds nothing for a wrong name", () => {
    expect(schemasAtPointer(userTask.propertySchema, "/assignee/expression")).toHaveLength(1);
    expect(schemasAtPointer(userTask.propertySchema, "/timers/*/after")).toHaveLength(1);
    expect(schemasAtPointer(serviceCall.propertySchema, "/headers/*")).toHaveLength(1);
    expect(schemasAtPointer(serviceCall.propertySchema, "/header/*")).toEqual([]);
  });
});
