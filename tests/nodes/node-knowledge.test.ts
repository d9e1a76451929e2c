import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  calledWorkflow,
  descriptorOf,
  type NodeRegistry,
  playsRole,
  validateDefinition,
  variablesWritten,
} from "@flowdesk/core";
import { nodeRegistry } from "@flowdesk/nodes";
import { describe, expect, it } from "vitest";

const fixture = (name: string): unknown =>
  JSON.parse(
    readFileSync(fileURLToPath(new URL(`../core/fixtures/invalid/${name}.json`, import.meta.url)), "utf8"),
  );

describe("what a node is, asked of its descriptor", () => {
  it("knows the graph roles of start, decision, fork and join, and of nothing else", () => {
    // given
    const roles = Object.values(nodeRegistry)
      .filter((descriptor) => descriptor.flowRole !== undefined)
      .map((descriptor) => [descriptor.type, descriptor.flowRole]);
    // then
    expect(Object.fromEntries(roles)).toEqual({
      start: "start",
      decision: "decision",
      fork: "fork",
      join: "join",
    });
    expect(playsRole(nodeRegistry, "user-task", "start")).toBe(false);
    expect(playsRole(nodeRegistry, "no-such-type", "start")).toBe(false);
    expect(descriptorOf(nodeRegistry, "toString")).toBeUndefined();
  });

  it("reads the variables a node writes from its config", () => {
    // given
    const setData = {
      type: "set-data",
      config: { assignments: [{ variable: "risk", expression: "1" }, {}] },
    };
    const serviceCall = {
      type: "service-call",
      config: { resultMapping: { "ticket/id": "response.body.id" } },
    };
    const subprocess = { type: "subprocess", config: { workflow: "vendor", output: { vendorRef: "ref" } } };
    const userTask = { type: "user-task", config: { assignments: [{ variable: "ignored" }] } };
    const listMapping = { type: "service-call", config: { resultMapping: ["response.body"] } };
    // when / then
    expect(variablesWritten(nodeRegistry, setData)).toEqual(["risk"]);
    expect(variablesWritten(nodeRegistry, serviceCall)).toEqual(["ticket/id"]);
    expect(variablesWritten(nodeRegistry, subprocess)).toEqual(["vendorRef"]);
    expect(variablesWritten(nodeRegistry, userTask)).toEqual([]);
    expect(variablesWritten(nodeRegistry, listMapping)).toEqual([]);
  });

  it("finds the workflow a subprocess calls, and none for other types", () => {
    // given / when / then
    expect(calledWorkflow(nodeRegistry, { type: "subprocess", config: { workflow: "vendor" } })).toBe(
      "vendor",
    );
    expect(
      calledWorkflow(nodeRegistry, { type: "user-task", config: { workflow: "vendor" } }),
    ).toBeUndefined();
  });

  it("lets the validator judge decisions by the descriptor's role, not by the type's name", () => {
    // given a decision whose edge has no condition, and a registry where decisions play no role
    const workflow = fixture("decision-edge-without-condition");
    const { flowRole: _role, ...plainDecision } = nodeRegistry.decision!;
    const withoutRole: NodeRegistry = { ...nodeRegistry, decision: plainDecision };
    // when
    const asDecision = validateDefinition(workflow, { registry: nodeRegistry }).map((found) => found.code);
    const asPlainStep = validateDefinition(workflow, { registry: withoutRole }).map((found) => found.code);
    // then the missing condition is a decision's problem only; elsewhere a condition is ignored
    expect(asDecision).toContain("FD2017");
    expect(asPlainStep).not.toContain("FD2017");
    expect(asPlainStep).toContain("FD2024");
  });
});
