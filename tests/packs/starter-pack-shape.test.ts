import type { CatalogItem, Directory, SlaPolicy, WorkflowDefinition } from "@flowdesk/core";
import { describe, expect, it } from "vitest";
import { starterPackFiles } from "./starter-pack.ts";

/*
 * What an admin sees on day one: every workflow drawn tidily with named steps, every
 * requestable process in the catalog with the form its workflow starts from, the teams
 * the workflows assign to, and SLA targets for every priority.
 */
const documents = starterPackFiles().map((file) => file.document as { kind: string; id: string });
const ofKind = <T>(kind: string): T[] => documents.filter((document) => document.kind === kind) as T[];
const workflows = ofKind<WorkflowDefinition>("workflow");
const startFormOf = (workflow: WorkflowDefinition): unknown =>
  workflow.nodes.find((node) => node.type === "start")?.config.form;

describe.each(workflows.map((workflow) => [workflow.id, workflow] as const))(
  "workflow %s",
  (_id, workflow) => {
    it("names every step and places it on the canvas, left to right, without overlaps", () => {
      const positions = workflow.layout?.nodes ?? {};
      expect(Object.keys(positions).sort()).toEqual(workflow.nodes.map((node) => node.id).sort());
      for (const node of workflow.nodes) expect(node.name?.trim(), node.id).toBeTruthy();
      const placed = workflow.nodes.map((node) => ({ id: node.id, type: node.type, ...positions[node.id]! }));
      const start = placed.find((node) => node.type === "start")!;
      for (const node of placed) {
        expect(node.x, node.id).toBeGreaterThanOrEqual(0);
        expect(node.y, node.id).toBeGreaterThanOrEqual(0);
        if (node !== start) expect(node.x, `${node.id} is right of the start`).toBeGreaterThan(start.x);
      }
      for (const [index, a] of placed.entries()) {
        for (const b of placed.slice(index + 1)) {
          const apart = Math.abs(a.x - b.x) >= 180 || Math.abs(a.y - b.y) >= 100;
          expect(apart, `${a.id} overlaps ${b.id}`).toBe(true);
        }
      }
    });

    it("can be requested from the catalog with the form it starts from", () => {
      const items = ofKind<CatalogItem>("catalogItem").filter((item) => item.workflow === workflow.id);
      expect(items.length).toBeGreaterThan(0);
      for (const item of items) expect(item.form).toBe(startFormOf(workflow));
    });
  },
);

describe("the starter directory and SLA policies", () => {
  it("holds the teams the processes assign work to", () => {
    const groups = ofKind<Directory>("directory").flatMap((directory) =>
      directory.groups.map((group) => group.id),
    );
    expect(groups).toEqual(
      expect.arrayContaining(["service-desk", "network", "applications", "cab", "procurement", "identity"]),
    );
  });

  it("sets response and resolution targets for P1 to P4 on business hours", () => {
    const policies = ofKind<SlaPolicy>("slaPolicy");
    expect(policies.length).toBeGreaterThan(0);
    for (const policy of policies) {
      expect(policy.businessHours, policy.id).toBe(true);
      expect(policy.targets.map((target) => target.priority)).toEqual(["P1", "P2", "P3", "P4"]);
    }
  });
});
