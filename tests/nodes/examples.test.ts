import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { nodeOutcomes, type WorkflowDefinition } from "@flowdesk/core";
import { nodeRegistry } from "@flowdesk/nodes";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";

/*
 * The repository's example workflows are the most realistic configs there are: every
 * node must fit its descriptor, and every edge must leave by an outcome the descriptor
 * offers. (Graph, expression and reference rules are the validator's, in tests/core.)
 */
const workflowsFolder = fileURLToPath(new URL("../../workflows/", import.meta.url));
const workflows = readdirSync(workflowsFolder)
  .filter((file) => file.endsWith(".workflow.json"))
  .map(
    (file) => [file, JSON.parse(readFileSync(workflowsFolder + file, "utf8")) as WorkflowDefinition] as const,
  );

const ajv = new Ajv2020({ strictRequired: false, allErrors: true });

describe("example workflows against the node registry", () => {
  it("has at least one example workflow", () => {
    expect(workflows.length).toBeGreaterThan(0);
  });

  it.each(workflows)("%s: every node config fits its node type's property schema", (_file, workflow) => {
    for (const node of workflow.nodes) {
      // given
      const descriptor = nodeRegistry[node.type];
      expect(descriptor, `node ${node.id}`).toBeDefined();
      const validate = ajv.compile(descriptor?.propertySchema ?? {});

      // when
      const valid = validate(node.config);

      // then
      expect(valid, `node ${node.id}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });

  it.each(workflows)(
    "%s: edges leave by offered outcomes and required outcomes have edges",
    (_file, workflow) => {
      for (const node of workflow.nodes) {
        // given
        const descriptor = nodeRegistry[node.type];
        if (!descriptor) continue;
        const offered = nodeOutcomes(node, descriptor);
        const leaving = workflow.edges.filter((edge) => edge.source === node.id);

        // then
        for (const edge of leaving) {
          if (edge.outcome !== undefined) expect(offered, `edge ${edge.id}`).toContain(edge.outcome);
        }
        for (const required of descriptor.outcomes.required ?? []) {
          expect(
            leaving.map((edge) => edge.outcome),
            `node ${node.id}`,
          ).toContain(required);
        }
        if (descriptor.ports.outputs === "none") expect(leaving, `node ${node.id}`).toEqual([]);
        if (descriptor.ports.inputs === "none") {
          expect(
            workflow.edges.filter((edge) => edge.target === node.id),
            `node ${node.id}`,
          ).toEqual([]);
        }
      }
    },
  );

  it.each(workflows)("%s: attached timers and outcomes each have a way out", (_file, workflow) => {
    for (const node of workflow.nodes) {
      // given
      const descriptor = nodeRegistry[node.type];
      if (descriptor?.ports.outputs !== "many" || node.type === "decision" || node.type === "fork") continue;
      const used = new Set(
        workflow.edges.filter((edge) => edge.source === node.id).map((edge) => edge.outcome),
      );
      const config = node.config as { outcomes?: { id: string }[]; timers?: { id: string }[] };
      const declared = [...(config.outcomes ?? []), ...(config.timers ?? [])].map((item) => item.id);

      // then
      for (const id of declared) expect(used.has(id), `${node.id} leaves by ${id}`).toBe(true);
    }
  });
});
