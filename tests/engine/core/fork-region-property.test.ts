import type { InstanceState } from "@flowdesk/core";
import { step } from "@flowdesk/engine";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fixture, runEvents, startEvent, TestHost } from "./harness.ts";

const definitions = [fixture("parallel-review.workflow.json"), fixture("nested-fork.workflow.json")];

/** Every region's live count equals the tokens that carry it: the join's bookkeeping never drifts. */
const regionCountsHold = (state: InstanceState): boolean =>
  Object.entries(state.forks).every(
    ([regionId, region]) =>
      region.live === Object.values(state.tokens).filter((token) => token.scopes?.includes(regionId)).length,
  );

describe("fork regions under any completion order", () => {
  it("keep their live counts exact, fire each join at most once and always finish", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...definitions),
        fc.array(fc.nat(), { minLength: 12, maxLength: 12 }),
        fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
        (definition, picks, skips) => {
          // given a started instance
          const host = new TestHost();
          let state = runEvents(definition, [startEvent()], host).state;
          const fired = new Map<string, number>();

          // when open tasks complete in an arbitrary order, some taking their other outcome
          for (let i = 0; state.status === "running" && i < 12; i++) {
            const open = Object.values(state.tasks);
            const task = open[picks[i]! % open.length]!;
            const outcome = task.nodeId === "dba" && skips[i] ? "not-affected" : undefined;
            const result = step(
              definition,
              state,
              { type: "task.completed", taskId: task.id, by: "agent", ...(outcome ? { outcome } : {}) },
              host.context(),
            );
            for (const entry of result.history) {
              if (entry.type === "join.fired") fired.set(entry.nodeId!, (fired.get(entry.nodeId!) ?? 0) + 1);
            }
            state = result.state;

            // then the bookkeeping holds after every step
            expect(regionCountsHold(state)).toBe(true);
          }

          // and every join fired exactly once, and the instance completed
          expect([...fired.values()].every((count) => count === 1)).toBe(true);
          expect(state.status).toBe("completed");
        },
      ),
      { numRuns: 150, seed: 20260302 },
    );
  });
});
