import type { InstanceState } from "@flowdesk/core";
import { step } from "@flowdesk/engine";
import { describe, expect, it } from "vitest";
import { fixture, runEvents, startEvent, TestHost } from "./harness.ts";

const definition = fixture("simple-task.workflow.json");

describe("user task", () => {
  it("creates a task for the resolved assignee with form outcomes, due date and rendered instructions", () => {
    // given a password-reset workflow
    // when alice starts it
    const { state, results } = runEvents(definition, [startEvent({ account: "alice.w" })]);

    // then one task waits for the service desk, due four hours later
    expect(results[0]!.effects).toEqual([
      {
        type: "task.create",
        taskId: "task-1",
        tokenId: "token-1",
        nodeId: "reset",
        kind: "task",
        title: "Reset password",
        assignment: { kind: "group", group: "service-desk" },
        outcomes: [
          { id: "done", label: "Done" },
          { id: "cannot", label: "Cannot reset" },
        ],
        dueAt: "2026-03-02T18:00:00.000Z",
        instructions: "Reset the password of alice",
      },
    ]);
    expect(state.variables).toEqual({ account: "alice.w", requester: "alice" });
    expect(state.tokens).toEqual({
      "token-1": { id: "token-1", nodeId: "reset", wait: { kind: "task", taskId: "task-1" } },
    });
    expect(state.stateVersion).toBe(1);
  });

  it("merges the form data, leaves by the chosen outcome and completes the instance", () => {
    // given a started instance
    // when the agent completes the task with outcome "cannot"
    const { state, results } = runEvents(definition, [
      startEvent(),
      {
        type: "task.completed",
        taskId: "task-1",
        by: "bob",
        outcome: "cannot",
        data: { reason: "locked in AD" },
      },
    ]);

    // then the instance ends with the "not-resolved" outcome and the data merged, and the
    // task is closed with the data the agent sent (the task row keeps it)
    expect(results[1]!.effects).toEqual([
      {
        type: "task.close",
        taskId: "task-1",
        outcome: "cannot",
        by: "bob",
        data: { reason: "locked in AD" },
      },
      {
        type: "instance.completed",
        outcome: "not-resolved",
        variables: { requester: "alice", reason: "locked in AD" },
      },
    ]);
    expect(state.status).toBe("completed");
    expect(state.outcome).toBe("not-resolved");
    expect(state.tasks).toEqual({});
  });

  it("rejects a second completion of the same task without changing anything", () => {
    // given an instance whose task was completed once
    const host = new TestHost();
    const first = runEvents(definition, [startEvent()], host).state;
    const frozen: InstanceState = structuredClone(first);
    const afterFirst = step(
      definition,
      first,
      { type: "task.completed", taskId: "task-1", by: "bob" },
      host.context(),
    );

    // when a second agent completes the same task against the state they loaded
    const second = () =>
      step(definition, first, { type: "task.completed", taskId: "task-1", by: "carol" }, host.context());
    // and someone completes it against the new state
    const again = () =>
      step(
        definition,
        afterFirst.state,
        { type: "task.completed", taskId: "task-1", by: "carol" },
        host.context(),
      );

    // then the stale state is untouched, and completing a closed task is rejected
    expect(first).toEqual(frozen);
    expect(second).not.toThrow();
    expect(again).toThrowError(expect.objectContaining({ code: "FD5001" }));
  });

  it("rejects completion of an unknown task and an unknown outcome with stable codes", () => {
    // given a waiting instance
    const host = new TestHost();
    const { state } = runEvents(definition, [startEvent()], host);

    // when events that do not apply arrive
    const unknownTask = () =>
      step(definition, state, { type: "task.completed", taskId: "task-9", by: "bob" }, host.context());
    const badOutcome = () =>
      step(
        definition,
        state,
        { type: "task.completed", taskId: "task-1", by: "bob", outcome: "maybe" },
        host.context(),
      );

    // then both are rejected with a clear error
    expect(unknownTask).toThrowError(
      expect.objectContaining({ code: "FD5002", message: expect.stringContaining("task-9") }),
    );
    expect(badOutcome).toThrowError(
      expect.objectContaining({ code: "FD5003", message: expect.stringContaining("maybe") }),
    );
  });
});
