import type { EngineEvent } from "@flowdesk/core";
import { step } from "@flowdesk/engine";
import { describe, expect, it } from "vitest";
import { fixture, runEvents, startEvent, TestHost } from "./harness.ts";

const definition = fixture("approval-quorum.workflow.json");
const start = startEvent({ manager: "cleo" }, "dave");

const decide = (
  taskId: string,
  by: string,
  decision: "approved" | "rejected",
  comment?: string,
): EngineEvent => ({
  type: "approval.decided",
  taskId,
  by,
  decision,
  ...(comment ? { comment } : {}),
});

describe("approval", () => {
  it("asks every approver, the expression rule resolving to the requester's manager", () => {
    // given an access request needing two of three owners
    // when dave requests it
    const { state, results } = runEvents(definition, [start]);

    // then ann, ben and cleo each get an approval task and the timeout is armed
    const creates = results[0]!.effects.filter((effect) => effect.type === "task.create");
    expect(creates.map((effect) => effect.type === "task.create" && effect.assignment)).toEqual([
      { kind: "user", user: "ann" },
      { kind: "user", user: "ben" },
      { kind: "user", user: "cleo" },
    ]);
    expect(results[0]!.effects).toContainEqual({
      type: "job.schedule",
      jobId: "job-1",
      dueAt: "2026-03-04T14:00:00.000Z",
      purpose: { kind: "attached-timer", tokenId: "token-1", timerId: "timeout" },
    });
    expect(state.approvals["token-1"]).toEqual({
      nodeId: "owners",
      mode: "quorum",
      needed: 2,
      approvers: 3,
      votes: [],
    });
  });

  it("passes a 2-of-3 quorum on the second approval and cancels the third task", () => {
    // given a request waiting on three owners
    // when ann rejects with a comment, then ben and cleo approve
    const { state, results } = runEvents(definition, [
      start,
      decide("task-1", "ann", "rejected", "no business need"),
      decide("task-2", "ben", "approved"),
      decide("task-3", "cleo", "approved"),
    ]);

    // then the approval is still open after ann and ben, and passes with cleo
    expect(results[1]!.state.status).toBe("running");
    expect(results[2]!.state.status).toBe("running");
    expect(results[3]!.effects).toEqual([
      { type: "task.close", taskId: "task-3", outcome: "approved", by: "cleo" },
      { type: "job.cancel", jobId: "job-1" },
      expect.objectContaining({ type: "instance.completed", outcome: "granted" }),
    ]);
    expect(state.variables.ownersDecision).toBe("approved");
  });

  it("passes as soon as two approve, cancelling the remaining approver's task", () => {
    // given a request waiting on three owners
    // when ann and ben approve
    const { state, results } = runEvents(definition, [
      start,
      decide("task-1", "ann", "approved"),
      decide("task-2", "ben", "approved"),
    ]);

    // then cleo's task is cancelled and access is granted
    expect(results[2]!.effects).toContainEqual({
      type: "task.cancel",
      taskId: "task-3",
      reason: "approval approved",
    });
    expect(state.outcome).toBe("granted");
  });

  it("rejects once the quorum can no longer be reached", () => {
    // given a request waiting on three owners
    // when two reject
    const { state } = runEvents(definition, [
      start,
      decide("task-1", "ann", "rejected", "no"),
      decide("task-3", "cleo", "rejected", "not needed"),
    ]);

    // then the reject path is taken
    expect(state.outcome).toBe("refused");
  });

  it("lets an approver delegate to a colleague, who then decides", () => {
    // given a request waiting on three owners
    // when ben delegates to eve and eve approves along with ann
    const { state, results } = runEvents(definition, [
      start,
      { type: "approval.delegated", taskId: "task-2", by: "ben", to: "eve", comment: "on leave" },
      decide("task-2", "eve", "approved"),
      decide("task-1", "ann", "approved"),
    ]);

    // then the task was reassigned and eve's vote counted
    expect(results[1]!.effects).toEqual([
      { type: "task.reassign", taskId: "task-2", assignment: { kind: "user", user: "eve" }, by: "ben" },
    ]);
    expect(state.outcome).toBe("granted");
  });

  it("rejects decisions that do not apply: wrong person, missing reject comment, task already decided", () => {
    // given a request where ann already approved
    const host = new TestHost();
    const { state } = runEvents(definition, [start, decide("task-1", "ann", "approved")], host);

    // when invalid decisions arrive
    const attempt = (event: EngineEvent) => () => step(definition, state, event, host.context());

    // then each is rejected with its code
    expect(attempt(decide("task-2", "mallory", "approved"))).toThrowError(
      expect.objectContaining({ code: "FD5009" }),
    );
    expect(attempt(decide("task-2", "ben", "rejected"))).toThrowError(
      expect.objectContaining({ code: "FD5013" }),
    );
    expect(attempt(decide("task-1", "ann", "approved"))).toThrowError(
      expect.objectContaining({ code: "FD5002" }),
    );
  });

  it("takes the timeout path when the interrupting timer fires, cancelling every open approval task", () => {
    // given a request where ann approved
    const host = new TestHost();
    const { state } = runEvents(definition, [start, decide("task-1", "ann", "approved")], host);

    // when the two-day timeout fires
    host.now = "2026-03-04T14:00:00.000Z";
    const result = step(definition, state, { type: "job.fired", jobId: "job-1" }, host.context());

    // then ben's and cleo's tasks are cancelled and the request expires
    expect(result.effects).toEqual([
      { type: "task.cancel", taskId: "task-2", reason: "timer timeout escalated" },
      { type: "task.cancel", taskId: "task-3", reason: "timer timeout escalated" },
      expect.objectContaining({ type: "instance.completed", outcome: "expired" }),
    ]);
    expect(result.state.tasks).toEqual({});
  });
});
