import type { SlaPolicy } from "@flowdesk/core";
import { step } from "@flowdesk/engine";
import { describe, expect, it } from "vitest";
import { fixture, runEvents, startEvent, TestHost } from "./harness.ts";

const usEast = fixture<SlaPolicy>("us-east-sla.policy.json");

describe("timers", () => {
  it("counts a business-hours duration across a weekend and a holiday in America/New_York", () => {
    // given four business hours from Friday 2026-01-16 15:00 EST, Monday the 19th a holiday
    const host = new TestHost("2026-01-16T20:00:00.000Z", usEast);

    // when the timer starts
    const { results } = runEvents(fixture("business-timer.workflow.json"), [startEvent()], host);

    // then two hours count on Friday and two on Tuesday: due Tuesday 11:00 EST
    expect(results[0]!.effects).toContainEqual({
      type: "job.schedule",
      jobId: "job-1",
      dueAt: "2026-01-20T16:00:00.000Z",
      purpose: { kind: "timer", tokenId: "token-1" },
    });
  });

  it("counts business hours correctly across the switch to daylight saving time", () => {
    // given 10 business hours from Friday 2026-03-06 13:00 EST; clocks go forward on Sunday the 8th
    const host = new TestHost("2026-03-06T18:00:00.000Z", usEast);
    const definition = structuredClone(fixture("business-timer.workflow.json"));
    definition.nodes[1]!.config = { mode: "business-duration", duration: "PT10H" };

    // when the timer starts
    const { results } = runEvents(definition, [startEvent()], host);

    // then 4h on Friday, 6h on Monday: Monday 15:00 EDT = 19:00Z
    expect(results[0]!.effects).toContainEqual(
      expect.objectContaining({ type: "job.schedule", dueAt: "2026-03-09T19:00:00.000Z" }),
    );
  });

  it("opens an incident when a business-hours timer has no calendar", () => {
    // given no SLA policy and no calendar
    // when the timer starts
    const { state } = runEvents(fixture("business-timer.workflow.json"), [startEvent()]);

    // then the token stops with an FD5023 incident
    expect(Object.values(state.incidents)).toEqual([
      expect.objectContaining({ nodeId: "wait", error: expect.objectContaining({ code: "FD5023" }) }),
    ]);
  });

  it("waits for a date given by an expression, then for a wall-clock duration", () => {
    // given a change window in the variables
    const host = new TestHost();
    const definition = fixture("date-timer.workflow.json");
    const { state, results } = runEvents(
      definition,
      [startEvent({ changeWindow: "2026-03-07T22:00:00Z" })],
      host,
    );
    expect(results[0]!.effects).toEqual([
      {
        type: "job.schedule",
        jobId: "job-1",
        dueAt: "2026-03-07T22:00:00.000Z",
        purpose: { kind: "timer", tokenId: "token-1" },
      },
    ]);

    // when the window opens
    host.now = "2026-03-07T22:00:00.000Z";
    const after = step(definition, state, { type: "job.fired", jobId: "job-1" }, host.context());

    // then the cool-off timer runs one day and two hours
    expect(after.effects).toEqual([
      {
        type: "job.schedule",
        jobId: "job-2",
        dueAt: "2026-03-09T00:00:00.000Z",
        purpose: { kind: "timer", tokenId: "token-1" },
      },
    ]);
    expect(() =>
      step(definition, after.state, { type: "job.fired", jobId: "job-1" }, host.context()),
    ).toThrowError(expect.objectContaining({ code: "FD5004" }));
  });
});

describe("date timers from CEL timestamps", () => {
  it("accepts a timestamp computed in the expression", () => {
    // given a date computed as opening time plus 48 hours
    const definition = structuredClone(fixture("date-timer.workflow.json"));
    definition.nodes[1]!.config = { mode: "date", date: 'timestamp(openedAt) + duration("48h")' };

    // when it starts
    const { results } = runEvents(definition, [startEvent({ openedAt: "2026-03-02T09:30:00Z" })]);

    // then the job is due two days later
    expect(results[0]!.effects).toEqual([
      {
        type: "job.schedule",
        jobId: "job-1",
        dueAt: "2026-03-04T09:30:00.000Z",
        purpose: { kind: "timer", tokenId: "token-1" },
      },
    ]);
  });

  it("opens an FD5025 incident when the expression is not a date", () => {
    // given a date expression giving a number
    const definition = structuredClone(fixture("date-timer.workflow.json"));
    definition.nodes[1]!.config = { mode: "date", date: "42" };

    // when it starts
    const { state } = runEvents(definition, [startEvent()]);

    // then the timer step has an incident
    expect(Object.values(state.incidents).map((incident) => incident.error.code)).toEqual(["FD5025"]);
  });
});

describe("attached timers", () => {
  const definition = fixture("escalation.workflow.json");

  it("a non-interrupting reminder keeps the task and sends a token down the reminder path", () => {
    // given a diagnosis task with a 2h reminder and an 8h escalation
    const host = new TestHost();
    const { state } = runEvents(definition, [startEvent({ title: "VPN down" })], host);
    expect(state.tokens["token-1"]!.timers).toEqual({ remind: "job-1", escalate: "job-2" });

    // when the reminder fires
    host.now = "2026-03-02T16:00:00.000Z";
    const result = step(definition, state, { type: "job.fired", jobId: "job-1" }, host.context());

    // then the task stays open, the escalation stays armed and a notification goes out
    expect(result.effects).toEqual([
      {
        type: "notify.send",
        notificationId: "notification-1",
        channel: "in-app",
        to: [{ kind: "group", group: "service-desk" }],
        body: "VPN down waits for diagnosis",
      },
    ]);
    expect(result.state.tasks["task-1"]).toMatchObject({ nodeId: "diagnose" });
    expect(result.state.tokens["token-1"]).toEqual({
      id: "token-1",
      nodeId: "diagnose",
      wait: { kind: "task", taskId: "task-1" },
      timers: { escalate: "job-2" },
    });
    expect(Object.keys(result.state.jobs)).toEqual(["job-2"]);

    // and the task can still be completed afterwards
    const done = step(
      definition,
      result.state,
      { type: "task.completed", taskId: "task-1", by: "bob" },
      host.context(),
    );
    expect(done.effects).toContainEqual({ type: "job.cancel", jobId: "job-2" });
    expect(done.state.outcome).toBe("resolved");
  });

  it("an interrupting timer cancels the task it is attached to and escalates", () => {
    // given a diagnosis task nobody completed
    const host = new TestHost();
    const { state } = runEvents(definition, [startEvent({ title: "VPN down" })], host);

    // when the 8h escalation fires
    host.now = "2026-03-02T22:00:00.000Z";
    const result = step(definition, state, { type: "job.fired", jobId: "job-2" }, host.context());

    // then the task and the reminder are cancelled and second line gets a task
    expect(result.effects).toEqual([
      { type: "task.cancel", taskId: "task-1", reason: "timer escalate escalated" },
      { type: "job.cancel", jobId: "job-1" },
      expect.objectContaining({ type: "task.create", taskId: "task-2", nodeId: "second-line" }),
    ]);
    expect(result.state.tasks).toEqual({ "task-2": expect.objectContaining({ nodeId: "second-line" }) });
    expect(() =>
      step(definition, result.state, { type: "task.completed", taskId: "task-1", by: "bob" }, host.context()),
    ).toThrowError(expect.objectContaining({ code: "FD5002" }));
  });
});
