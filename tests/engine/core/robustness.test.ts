import type { EngineEvent, WorkflowDefinition } from "@flowdesk/core";
import { step } from "@flowdesk/engine";
import { describe, expect, it } from "vitest";
import { fixture, runEvents, startEvent, TestHost } from "./harness.ts";

describe("robustness", () => {
  it("refuses an event type it does not know, changing nothing", () => {
    // given a waiting instance
    const host = new TestHost();
    const definition = fixture("simple-task.workflow.json");
    const { state } = runEvents(definition, [startEvent()], host);

    // when a malformed event arrives
    const bogus = () =>
      step(definition, state, { type: "task.exploded" } as unknown as EngineEvent, host.context());

    // then it is rejected
    expect(bogus).toThrowError(expect.objectContaining({ code: "FD5016" }));
  });

  it("stops a process that loops without waiting with an FD5028 incident", () => {
    // given a decision that always sends the token back through set data
    const looping: WorkflowDefinition = {
      schemaVersion: 1,
      kind: "workflow",
      id: "looping",
      title: "Loops forever",
      variables: { type: "object" },
      nodes: [
        { id: "start", type: "start", config: {} },
        { id: "count", type: "set-data", config: { assignments: [{ variable: "n", expression: "n + 1" }] } },
        { id: "again", type: "decision", config: {} },
        { id: "end", type: "end", config: {} },
      ],
      edges: [
        { id: "e1", source: "start", target: "count" },
        { id: "e2", source: "count", target: "again" },
        { id: "back", source: "again", target: "count", condition: "n >= 0" },
        { id: "out", source: "again", target: "end", isDefault: true },
      ],
    };

    // when it starts
    const { state } = runEvents(looping, [startEvent({ n: 0 })]);

    // then the token stops with an incident instead of hanging
    expect(state.status).toBe("running");
    expect(Object.values(state.incidents).map((incident) => incident.error.code)).toEqual(["FD5028"]);
  });

  it("needs a state for every event but instance.start, and no state for instance.start", () => {
    // given a definition and a started instance
    const host = new TestHost();
    const definition = fixture("simple-task.workflow.json");
    const { state } = runEvents(definition, [startEvent()], host);

    // when events arrive with the wrong state
    // then they are rejected
    expect(() =>
      step(definition, null, { type: "task.completed", taskId: "task-1", by: "bob" }, host.context()),
    ).toThrowError(expect.objectContaining({ code: "FD5010" }));
    expect(() => step(definition, state, startEvent(), host.context())).toThrowError(
      expect.objectContaining({ code: "FD5014" }),
    );
  });

  it("cancelling an instance cancels its open tasks and every scheduled job", () => {
    // given a task with a reminder and an escalation armed
    const host = new TestHost();
    const definition = fixture("escalation.workflow.json");
    const { state } = runEvents(definition, [startEvent({ title: "VPN down" })], host);

    // when the requester withdraws the incident
    const result = step(
      definition,
      state,
      { type: "instance.cancel", by: "alice", reason: "withdrawn" },
      host.context(),
    );

    // then the task and both timers are cancelled and nothing is left scheduled
    expect(result.effects).toEqual([
      { type: "task.cancel", taskId: "task-1", reason: "withdrawn" },
      { type: "job.cancel", jobId: "job-1" },
      { type: "job.cancel", jobId: "job-2" },
      { type: "instance.cancelled", reason: "withdrawn" },
    ]);
    expect(result.state).toMatchObject({ status: "cancelled", tasks: {}, jobs: {}, tokens: {} });
  });

  it("renders e-mail notifications: recipients, subject and body", () => {
    // given a notify step sending an e-mail to the requester's manager
    const definition: WorkflowDefinition = {
      schemaVersion: 1,
      kind: "workflow",
      id: "mail",
      title: "Tell the manager",
      variables: { type: "object" },
      nodes: [
        { id: "start", type: "start", config: {} },
        {
          id: "mail",
          type: "notify",
          config: {
            channel: "email",
            to: [
              { kind: "expression", expression: "manager" },
              { kind: "role", role: "itsm-admin" },
            ],
            subject: "New request from {{ requester }}",
            body: "{{ requester }} asked for {{ item }}.",
          },
        },
        { id: "end", type: "end", config: {} },
      ],
      edges: [
        { id: "e1", source: "start", target: "mail" },
        { id: "e2", source: "mail", target: "end" },
      ],
    };

    // when an instance starts
    const { results } = runEvents(definition, [startEvent({ manager: "cleo", item: "a laptop" })]);

    // then one e-mail goes out and the instance completes
    expect(results[0]!.effects).toEqual([
      {
        type: "notify.send",
        notificationId: "notification-1",
        channel: "email",
        to: [
          { kind: "user", user: "cleo" },
          { kind: "role", role: "itsm-admin" },
        ],
        subject: "New request from alice",
        body: "alice asked for a laptop.",
      },
      { type: "instance.completed", variables: { manager: "cleo", item: "a laptop", requester: "alice" } },
    ]);
  });
});
