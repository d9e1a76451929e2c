import { pruneToOneOf } from "@flowdesk/web/form-helpers";
import { describe, expect, it } from "vitest";

const assignee = {
  type: "object",
  oneOf: [
    {
      type: "object",
      properties: { kind: { const: "group" }, group: { type: "string" } },
      additionalProperties: false,
    },
    {
      type: "object",
      properties: { kind: { const: "role" }, role: { type: "string" } },
      additionalProperties: false,
    },
  ],
};
const schema = {
  type: "object",
  properties: { assignee, approvers: { type: "array", items: assignee } },
};

describe("pruning fields of an abandoned oneOf option", () => {
  it("drops the old option's fields after switching from role to group", () => {
    // when
    const pruned = pruneToOneOf(schema, { assignee: { kind: "group", role: "agent", group: "network" } });
    // then
    expect(pruned).toEqual({ assignee: { kind: "group", group: "network" } });
  });

  it("prunes inside arrays and leaves data without a chosen option alone", () => {
    // when
    const pruned = pruneToOneOf(schema, {
      approvers: [{ kind: "role", role: "cab", group: "x" }, { other: 1 }],
      extra: true,
    });
    // then
    expect(pruned).toEqual({ approvers: [{ kind: "role", role: "cab" }, { other: 1 }], extra: true });
  });
});
