import type { WorkflowDefinition } from "@flowdesk/core";
import { applyLayout, computeLayout } from "@flowdesk/web/designer-model";
import { describe, expect, it } from "vitest";
import fixture from "../fixtures/password-reset.workflow.json" with { type: "json" };

describe("auto-layout", () => {
  it("places every step left to right along the flow, changing positions only", async () => {
    // given
    const definition = structuredClone(fixture) as WorkflowDefinition;
    // when
    const layout = await computeLayout(definition);
    const after = applyLayout(definition, layout).execute(definition);
    // then
    const x = (id: string) => layout.nodes[id]?.x ?? Number.NaN;
    expect(Object.keys(layout.nodes).sort()).toEqual(definition.nodes.map((node) => node.id).sort());
    expect(x("start-1")).toBeLessThan(x("approval-1"));
    expect(x("approval-1")).toBeLessThan(x("decision-1"));
    expect(x("decision-1")).toBeLessThan(x("user-task-1"));
    expect(x("user-task-1")).toBeLessThan(x("end-1"));
    expect(after.nodes).toEqual(definition.nodes);
    expect(after.edges).toEqual(definition.edges);
  });
});
