import type { EngineEvent, HistoryEntry } from "@flowdesk/core";
import { describe, expect, it } from "vitest";
import { fixture, runEvents, startEvent } from "./harness.ts";

const definition = fixture("parallel-review.workflow.json");

/** Tasks are created in edge order: network, security, database. */
const complete = (taskId: string, outcome?: string): EngineEvent => ({
  type: "task.completed",
  taskId,
  by: "reviewer",
  ...(outcome ? { outcome } : {}),
});

const permutations = <T>(items: T[]): T[][] =>
  items.length <= 1
    ? [items]
    : items.flatMap((item, i) =>
        permutations(items.filter((_, j) => j !== i)).map((rest) => [item, ...rest]),
      );

const joinsFired = (history: HistoryEntry[]): number =>
  history.filter((entry) => entry.type === "join.fired").length;

describe("parallel fork and join", () => {
  it("opens one task per branch inside one fork region", () => {
    // given a change reviewed by three teams
    // when it starts
    const { state, results } = runEvents(definition, [startEvent()]);

    // then three tasks wait in one region with three live tokens
    expect(results[0]!.effects.map((effect) => effect.type === "task.create" && effect.nodeId)).toEqual([
      "network",
      "security",
      "dba",
    ]);
    expect(state.forks).toEqual({
      "fork-1": { forkNodeId: "split", joinNodeId: "merge", live: 3, arrived: 0 },
    });
    expect(Object.keys(state.tokens)).toEqual(["token-2", "token-3", "token-4"]);
  });

  for (const order of permutations(["task-1", "task-2", "task-3"])) {
    it(`fires the join exactly once when the branches complete in the order ${order.join(", ")}`, () => {
      // given a started review
      // when the three reviews complete in this order
      const { state, results } = runEvents(definition, [
        startEvent(),
        ...order.map((taskId) => complete(taskId)),
      ]);

      // then nothing moves past the join until the last branch arrives, and then once
      expect(results.map((result) => joinsFired(result.history))).toEqual([0, 0, 0, 1]);
      const last = results[3]!;
      expect(last.effects).toEqual([
        { type: "task.close", taskId: order[2], outcome: "done", by: "reviewer" },
        expect.objectContaining({ type: "task.create", taskId: "task-4", nodeId: "implement" }),
      ]);
      expect(state.forks).toEqual({});
      expect(Object.values(state.tokens)).toEqual([
        { id: "token-5", nodeId: "implement", wait: { kind: "task", taskId: "task-4" } },
      ]);
    });
  }

  it("does not wait for a branch that ended before reaching the join", () => {
    // given a started review
    // when the database team says it is not affected (their branch ends), then the others finish
    const { state, results } = runEvents(definition, [
      startEvent(),
      complete("task-3", "not-affected"),
      complete("task-1"),
      complete("task-2"),
    ]);

    // then the join fires once, after the second arrival
    expect(results.map((result) => joinsFired(result.history))).toEqual([0, 0, 0, 1]);
    expect(state.tasks["task-4"]).toMatchObject({ nodeId: "implement" });
  });

  it("completes the instance after the work behind the join is done", () => {
    // given every review done
    const { state } = runEvents(definition, [
      startEvent(),
      complete("task-2"),
      complete("task-1"),
      complete("task-3"),
      complete("task-4"),
    ]);

    // then the instance is implemented
    expect(state).toMatchObject({ status: "completed", outcome: "implemented", tokens: {}, forks: {} });
  });
});
