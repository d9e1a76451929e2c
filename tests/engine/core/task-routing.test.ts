import { ENGINE_ERRORS } from "@flowdesk/core";
import { step } from "@flowdesk/engine";
import { describe, expect, it } from "vitest";
import { fixture, runEvents, startEvent, TestHost } from "./harness.ts";

const definition = fixture("simple-task.workflow.json");

describe("task routing in the core", () => {
  const started = () => runEvents(definition, [startEvent()]).state;

  it("claims a queue task for the claimer: state, task row effect and history together", () => {
    // given a task waiting in the service-desk queue
    const state = started();

    // when bob claims it
    const claimed = step(
      definition,
      state,
      { type: "task.claimed", taskId: "task-1", by: "bob" },
      new TestHost().context(),
    );

    // then the state, the row (by its effect) and the history all say bob has it
    expect(claimed.state.tasks["task-1"]).toMatchObject({
      claimedBy: "bob",
      assignment: { kind: "group", group: "service-desk" },
    });
    expect(claimed.effects).toEqual([{ type: "task.claim", taskId: "task-1", by: "bob" }]);
    expect(claimed.history).toEqual([
      expect.objectContaining({ type: "task.claimed", by: "bob", data: { taskId: "task-1" } }),
    ]);
  });

  it("changes nothing when the holder claims again, and refuses anyone else with FD5017", () => {
    // given bob's claimed task
    const host = new TestHost();
    const { state } = runEvents(
      definition,
      [startEvent(), { type: "task.claimed", taskId: "task-1", by: "bob" }],
      host,
    );

    // when bob claims it again, and carol tries to
    const again = step(
      definition,
      state,
      { type: "task.claimed", taskId: "task-1", by: "bob" },
      host.context(),
    );
    const carol = () =>
      step(definition, state, { type: "task.claimed", taskId: "task-1", by: "carol" }, host.context());

    // then the first is a no-op, the second a rejection naming bob
    expect(again).toEqual({ state, effects: [], history: [] });
    expect(carol).toThrow(
      expect.objectContaining({
        code: ENGINE_ERRORS.taskHeldByOther,
        message: expect.stringMatching(/with bob/),
      }),
    );
  });

  it("reassigns a claimed task: the new assignee has it, nobody holds it, history says from where", () => {
    // given bob's claimed queue task
    const host = new TestHost();
    const { state } = runEvents(
      definition,
      [startEvent(), { type: "task.claimed", taskId: "task-1", by: "bob" }],
      host,
    );

    // when a lead reassigns it to carol
    const moved = step(
      definition,
      state,
      { type: "task.reassigned", taskId: "task-1", by: "lead", to: { kind: "user", user: "carol" } },
      host.context(),
    );

    // then state, row effect and history agree
    expect(moved.state.tasks["task-1"]).toMatchObject({ assignment: { kind: "user", user: "carol" } });
    expect(moved.state.tasks["task-1"]?.claimedBy).toBeUndefined();
    expect(moved.effects).toEqual([
      { type: "task.reassign", taskId: "task-1", assignment: { kind: "user", user: "carol" }, by: "lead" },
    ]);
    expect(moved.history).toEqual([
      expect.objectContaining({
        type: "task.reassigned",
        by: "lead",
        data: { taskId: "task-1", user: "carol", group: null, from: { user: "bob", group: "service-desk" } },
      }),
    ]);
    // and only carol may now claim it
    const bob = () =>
      step(definition, moved.state, { type: "task.claimed", taskId: "task-1", by: "bob" }, host.context());
    expect(bob).toThrow(expect.objectContaining({ code: ENGINE_ERRORS.taskHeldByOther }));
  });

  it("releases a claimed task back to its queue; releasing an unclaimed one changes nothing", () => {
    // given bob's claimed queue task
    const host = new TestHost();
    const { state } = runEvents(
      definition,
      [startEvent(), { type: "task.claimed", taskId: "task-1", by: "bob" }],
      host,
    );

    // when he releases it, and then releases it again
    const released = step(
      definition,
      state,
      { type: "task.unclaimed", taskId: "task-1", by: "bob" },
      host.context(),
    );
    const twice = step(
      definition,
      released.state,
      { type: "task.unclaimed", taskId: "task-1", by: "bob" },
      host.context(),
    );

    // then it is back in the queue once
    expect(released.state.tasks["task-1"]?.claimedBy).toBeUndefined();
    expect(released.effects).toEqual([
      {
        type: "task.reassign",
        taskId: "task-1",
        assignment: { kind: "group", group: "service-desk" },
        by: "bob",
      },
    ]);
    expect(released.history).toEqual([
      expect.objectContaining({
        type: "task.unclaimed",
        data: {
          taskId: "task-1",
          user: null,
          group: "service-desk",
          from: { user: "bob", group: "service-desk" },
        },
      }),
    ]);
    expect(twice).toEqual({ state: released.state, effects: [], history: [] });
  });

  it("refuses routing a task whose instance has ended", () => {
    // given a completed task
    const host = new TestHost();
    const { state } = runEvents(
      definition,
      [startEvent(), { type: "task.completed", taskId: "task-1", by: "bob" }],
      host,
    );

    // when someone reassigns it, then the event is rejected (the instance ended)
    const late = () =>
      step(
        definition,
        state,
        { type: "task.reassigned", taskId: "task-1", by: "lead", to: { kind: "group", group: "g" } },
        host.context(),
      );
    expect(late).toThrow(expect.objectContaining({ code: ENGINE_ERRORS.instanceNotRunning }));
  });
});
