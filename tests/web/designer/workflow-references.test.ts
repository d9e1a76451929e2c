import type { WorkflowDefinition } from "@flowdesk/core";
import { referencesKey, referencesOf } from "@flowdesk/web/designer-model";
import { describe, expect, it } from "vitest";
import incident from "../../../workflows/incident-management.workflow.json" with { type: "json" };

describe("the definitions a workflow refers to", () => {
  it("lists the starter incident workflow's forms, once each", () => {
    // when
    const references = referencesOf(incident as unknown as WorkflowDefinition);
    // then
    expect(
      references.filter((reference) => reference.segment === "forms").map((reference) => reference.id),
    ).toEqual(["incident-customer-reply", "incident-report", "incident-resolution", "incident-triage"]);
  });

  it("names the SLA policy and subprocess workflows, but not the workflow itself", () => {
    // given
    const definition = {
      kind: "workflow",
      id: "parent",
      slaPolicy: "standard-sla",
      nodes: [
        { id: "a", type: "subprocess", config: { workflow: "child" } },
        { id: "b", type: "subprocess", config: { workflow: "parent" } },
        { id: "c", type: "user-task", config: { form: "" } },
      ],
      edges: [],
    } as unknown as WorkflowDefinition;
    // when
    const references = referencesOf(definition);
    // then
    expect(referencesKey(references)).toBe("sla-policies/standard-sla\nworkflows/child");
  });
});
