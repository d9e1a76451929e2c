import type { InstanceState } from "@flowdesk/core";
import { step } from "@flowdesk/engine";
import { describe, expect, it } from "vitest";
import { fixture, runEvents, startEvent, TestHost } from "./harness.ts";

const definition = fixture("vendor-repair.workflow.json");
const start = startEvent({ number: "INC0042", asset: { serial: "SN-9" } });

const started = (host: TestHost): InstanceState => runEvents(definition, [start], host).state;

describe("subprocess, wait for message, terminate and cancel", () => {
  it("starts the child with mapped input and waits for a message correlated by key", () => {
    // given a hardware repair
    // when it starts
    const { state, results } = runEvents(definition, [start]);

    // then the child starts with its input and the message wait has its key
    expect(results[0]!.effects).toContainEqual({
      type: "subprocess.start",
      childInstanceId: "instance-1",
      workflow: "vendor-rma",
      input: { serial: "SN-9", ticket: "INC0042" },
      parentTokenId: "token-2",
    });
    expect(state.tokens["token-3"]!.wait).toEqual({
      kind: "message",
      message: "vendor-replied",
      correlationKey: "RMA-INC0042",
    });
  });

  it("maps the child's output back and resumes on the matching message", () => {
    // given a started repair
    const host = new TestHost();
    const state = started(host);

    // when the child completes, the vendor replies, and the desk keeps the ticket
    const afterChild = step(
      definition,
      state,
      {
        type: "subprocess.completed",
        childInstanceId: "instance-1",
        outcome: "repaired",
        variables: { rma: "R-77", cost: 60 },
      },
      host.context(),
    );
    const afterMessage = step(
      definition,
      afterChild.state,
      {
        type: "message.deliver",
        message: "vendor-replied",
        correlationKey: "RMA-INC0042",
        data: { vendorNote: "shipped" },
      },
      host.context(),
    );
    const done = step(
      definition,
      afterMessage.state,
      { type: "task.completed", taskId: "task-1", by: "bob", outcome: "keep" },
      host.context(),
    );

    // then the outputs and message data are variables; the join waited for the desk's
    // branch (still live) and fired once when it ended
    expect(afterChild.state.variables).toMatchObject({ rmaNumber: "R-77", repairCost: 120 });
    expect(afterMessage.state.variables).toMatchObject({ vendorNote: "shipped" });
    expect(afterMessage.history.filter((entry) => entry.type === "join.fired")).toHaveLength(0);
    expect(done.history.filter((entry) => entry.type === "join.fired")).toHaveLength(1);
    expect(done.state).toMatchObject({ status: "completed", outcome: "repaired" });
  });

  it("rejects a message nobody waits for with a clear error", () => {
    // given a started repair
    const host = new TestHost();
    const state = started(host);

    // when a reply for another ticket arrives
    const wrongKey = () =>
      step(
        definition,
        state,
        { type: "message.deliver", message: "vendor-replied", correlationKey: "RMA-INC0001" },
        host.context(),
      );

    // then it is rejected, naming the key
    expect(wrongKey).toThrowError(
      expect.objectContaining({ code: "FD5006", message: expect.stringContaining("RMA-INC0001") }),
    );
  });

  it("a terminating end cancels every other token, the child instance included", () => {
    // given a started repair
    const host = new TestHost();
    const state = started(host);

    // when the desk aborts
    const result = step(
      definition,
      state,
      { type: "task.completed", taskId: "task-1", by: "bob", outcome: "abort" },
      host.context(),
    );

    // then the child is cancelled, the message wait dropped, the instance ends "aborted"
    expect(result.effects).toEqual([
      { type: "task.close", taskId: "task-1", outcome: "abort", by: "bob" },
      { type: "subprocess.cancel", childInstanceId: "instance-1", reason: "terminated" },
      expect.objectContaining({ type: "instance.completed", outcome: "aborted" }),
    ]);
    expect(result.state).toMatchObject({ status: "completed", tokens: {}, forks: {}, subprocesses: {} });
  });

  it("cancelling the instance propagates to the subprocess and cancels tasks", () => {
    // given a started repair
    const host = new TestHost();
    const state = started(host);

    // when an agent cancels the request
    const result = step(
      definition,
      state,
      { type: "instance.cancel", by: "bob", reason: "duplicate" },
      host.context(),
    );

    // then the child and the task are cancelled
    expect(result.effects).toEqual([
      { type: "subprocess.cancel", childInstanceId: "instance-1", reason: "duplicate" },
      { type: "task.cancel", taskId: "task-1", reason: "duplicate" },
      { type: "instance.cancelled", reason: "duplicate" },
    ]);
    expect(result.state.status).toBe("cancelled");
    expect(() =>
      step(definition, result.state, { type: "task.completed", taskId: "task-1", by: "bob" }, host.context()),
    ).toThrowError(expect.objectContaining({ code: "FD5001" }));
  });

  it("a failed child opens an incident on the parent", () => {
    // given a started repair
    const host = new TestHost();
    const state = started(host);

    // when the child fails
    const result = step(
      definition,
      state,
      {
        type: "subprocess.failed",
        childInstanceId: "instance-1",
        error: { code: "FD5022", kind: "operational", message: "vendor API down", retryable: true },
      },
      host.context(),
    );

    // then the parent has an FD5027 incident on the subprocess step
    expect(Object.values(result.state.incidents)).toEqual([
      expect.objectContaining({ nodeId: "repair", error: expect.objectContaining({ code: "FD5027" }) }),
    ]);
  });
});
