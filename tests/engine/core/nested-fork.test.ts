import type { EngineEvent, InstanceState } from "@flowdesk/core";
import { indexDefinition, step } from "@flowdesk/engine";
import { describe, expect, it } from "vitest";
import { fixture, runEvents, startEvent, TestHost } from "./harness.ts";

const definition = fixture("nested-fork.workflow.json");

const taskAt = (state: InstanceState, nodeId: string): string =>
  Object.values(state.tasks).find((task) => task.nodeId === nodeId)!.id;

describe("nested fork regions", () => {
  it("matches each fork with its own join through the graph", () => {
    // given a fork inside a fork
    // when the definition is indexed
    const index = indexDefinition(definition);

    // then each fork knows the join that closes it
    expect(Object.fromEntries(index.joinOfFork)).toEqual({
      "outer-split": "outer-merge",
      "inner-split": "inner-merge",
    });
  });

  const orders = [
    ["build", "test", "communicate"],
    ["communicate", "build", "test"],
    ["test", "communicate", "build"],
  ];
  for (const order of orders) {
    it(`fires the inner join once, then the outer join once (order ${order.join(", ")}, then sign-off)`, () => {
      // given a started change
      const host = new TestHost();
      let state = runEvents(definition, [startEvent()], host).state;
      const joins: string[] = [];
      const complete = (nodeId: string) => {
        const event: EngineEvent = { type: "task.completed", taskId: taskAt(state, nodeId), by: "agent" };
        const result = step(definition, state, event, host.context());
        for (const entry of result.history) if (entry.type === "join.fired") joins.push(entry.nodeId!);
        state = result.state;
      };

      // when the branches complete in this order, then sign-off
      for (const nodeId of order) complete(nodeId);
      expect(Object.values(state.tasks).map((task) => task.nodeId)).toEqual(["sign-off"]);
      complete("sign-off");

      // then each join fired exactly once, inner first, and the change is released
      expect(joins).toEqual(["inner-merge", "outer-merge"]);
      expect(state).toMatchObject({ status: "completed", outcome: "released", forks: {}, tokens: {} });
    });
  }
});
