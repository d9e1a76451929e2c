import {
  checkExpression,
  checkTemplate,
  type FormDefinition,
  type WorkflowDefinition,
  type WorkflowNode,
} from "@flowdesk/core";
import { nodeRegistry } from "@flowdesk/nodes";
import { describe, expect, it } from "vitest";
import { loadStarterPack } from "./starter-pack.ts";

/*
 * A variable that is missing when an expression or a template reads it stops the request
 * with an incident. So every variable a starter workflow reads must be certain to exist:
 * a required field of its start form or of one of its task forms, or a variable the
 * workflow itself assigns (set data, service-call results, subprocess outputs, approval
 * decisions, service-call errors). Optional form fields are never read.
 */
const pack = loadStarterPack();

/** Values at a descriptor pointer such as "/approvers/*\/expression" ("*" = every key). */
const valuesAt = (value: unknown, pointer: string): unknown[] => {
  const [head, ...rest] = pointer.split("/").slice(1);
  if (head === undefined) return [value];
  if (value === null || typeof value !== "object") return [];
  const record = value as Record<string, unknown>;
  const keys = head === "*" ? Object.keys(record) : [head];
  return keys.flatMap((key) =>
    key in record ? valuesAt(record[key], `/${rest.join("/")}`.replace(/\/$/, "")) : [],
  );
};

/** Pointers whose expressions read another scope: HTTP responses and the child's variables. */
const OTHER_SCOPE = new Set(["service-call:/resultMapping/*", "subprocess:/output/*"]);

const readsOf = (node: WorkflowNode): string[] => {
  const descriptor = nodeRegistry[node.type];
  if (descriptor === undefined) return [];
  const reads: string[] = [];
  for (const pointer of descriptor.expressionFields) {
    if (OTHER_SCOPE.has(`${node.type}:${pointer}`)) continue;
    for (const source of valuesAt(node.config, pointer)) {
      const check = checkExpression(String(source));
      if (check.ok) reads.push(...check.rootVariables);
    }
  }
  for (const pointer of descriptor.templateFields) {
    for (const source of valuesAt(node.config, pointer)) {
      const check = checkTemplate(String(source));
      if (check.ok) reads.push(...check.rootVariables);
    }
  }
  return reads;
};

const requiredFields = (formId: unknown): string[] => {
  const form: FormDefinition | undefined = typeof formId === "string" ? pack.forms.get(formId) : undefined;
  const required = form?.schema.required;
  return Array.isArray(required) ? required.map(String) : [];
};

const certainVariables = (workflow: WorkflowDefinition): Set<string> => {
  const certain = new Set(["requester"]);
  for (const node of workflow.nodes) {
    const config = node.config as Record<string, unknown>;
    for (const field of requiredFields(config.form)) certain.add(field);
    for (const assignment of (config.assignments as { variable: string }[] | undefined) ?? []) {
      certain.add(assignment.variable);
    }
    for (const variable of Object.keys((config.resultMapping as object | undefined) ?? {}))
      certain.add(variable);
    for (const variable of Object.keys((config.output as object | undefined) ?? {})) certain.add(variable);
    if (node.type === "approval") certain.add(`${node.id}Decision`);
    if (node.type === "service-call") certain.add(`${node.id}Error`);
  }
  return certain;
};

describe.each([...pack.workflows.values()].map((workflow) => [workflow.id, workflow] as const))(
  "workflow %s",
  (_id, workflow) => {
    it("reads only variables that are certain to exist", () => {
      // given
      const certain = certainVariables(workflow);

      // when
      const uncertain = workflow.nodes.flatMap((node) =>
        readsOf(node)
          .filter((variable) => !certain.has(variable))
          .map((variable) => `${node.id} reads ${variable}`),
      );
      for (const edge of workflow.edges) {
        const check = edge.condition === undefined ? undefined : checkExpression(edge.condition);
        if (check?.ok) {
          for (const variable of check.rootVariables.filter((name) => !certain.has(name))) {
            uncertain.push(`edge ${edge.id} reads ${variable}`);
          }
        }
      }

      // then
      expect(uncertain).toEqual([]);
    });
  },
);
