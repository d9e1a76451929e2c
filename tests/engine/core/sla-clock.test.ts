import type { SlaPolicy } from "@flowdesk/core";
import { step } from "@flowdesk/engine";
import { describe, expect, it } from "vitest";
import { fixture, runEvents, startEvent, TestHost } from "./harness.ts";

const definition = fixture("simple-task.workflow.json");
const policy = fixture<SlaPolicy>("wall-clock-sla.policy.json");
const usEast = fixture<SlaPolicy>("us-east-sla.policy.json");

const setState = (state: string) => ({ type: "variables.set" as const, by: "bob", variables: { state } });

describe("SLA clocks", () => {
  it("start with the instance, with the targets of its priority and a checkpoint per escalation", () => {
    // given a P1 incident under the major-incident policy
    const host = new TestHost("2026-03-02T14:00:00.000Z", policy);

    // when it starts
    const { state, results } = runEvents(definition, [startEvent({ priority: "P1" })], host);

    // then response (1h) and resolution (8h) run, warnings at 50 %, breaches at 100 %
    expect(state.sla).toEqual({
      policyId: "major-incident",
      priority: "P1",
      paused: false,
      clocks: {
        response: {
          status: "running",
          targetMs: 3_600_000,
          consumedMs: 0,
          since: "2026-03-02T14:00:00.000Z",
          dueAt: "2026-03-02T15:00:00.000Z",
          reached: [],
          checkpoints: { "0": "job-1", "1": "job-2" },
          breached: false,
        },
        resolution: {
          status: "running",
          targetMs: 28_800_000,
          consumedMs: 0,
          since: "2026-03-02T14:00:00.000Z",
          dueAt: "2026-03-02T22:00:00.000Z",
          reached: [],
          checkpoints: { "0": "job-3", "1": "job-4" },
          breached: false,
        },
      },
    });
    expect(results[0]!.effects.filter((effect) => effect.type === "job.schedule")).toEqual([
      expect.objectContaining({ jobId: "job-1", dueAt: "2026-03-02T14:30:00.000Z" }),
      expect.objectContaining({ jobId: "job-2", dueAt: "2026-03-02T15:00:00.000Z" }),
      expect.objectContaining({ jobId: "job-3", dueAt: "2026-03-02T18:00:00.000Z" }),
      expect.objectContaining({ jobId: "job-4", dueAt: "2026-03-02T22:00:00.000Z" }),
    ]);
  });

  it("pause while waiting on the customer and resume with exactly the remaining time", () => {
    // given a P1 incident started at 14:00
    const host = new TestHost("2026-03-02T14:00:00.000Z", policy);
    const started = runEvents(definition, [startEvent({ priority: "P1" })], host).state;

    // when it waits on the customer from 14:20 to 16:00
    host.now = "2026-03-02T14:20:00.000Z";
    const paused = step(definition, started, setState("waiting-on-customer"), host.context());
    host.now = "2026-03-02T16:00:00.000Z";
    const resumed = step(definition, paused.state, setState("in-progress"), host.context());

    // then 20 minutes were consumed, the checkpoints were withdrawn, and re-armed for the remaining time
    expect(paused.state.sla!.clocks.response).toMatchObject({ status: "paused", consumedMs: 1_200_000 });
    expect(paused.effects).toEqual([1, 2, 3, 4].map((n) => ({ type: "job.cancel", jobId: `job-${n}` })));
    expect(resumed.state.sla!.clocks.response).toMatchObject({
      status: "running",
      consumedMs: 1_200_000,
      since: "2026-03-02T16:00:00.000Z",
      dueAt: "2026-03-02T16:40:00.000Z",
    });
    expect(resumed.state.sla!.clocks.resolution).toMatchObject({ dueAt: "2026-03-02T23:40:00.000Z" });
    expect(resumed.effects).toEqual([
      expect.objectContaining({ type: "job.schedule", jobId: "job-5", dueAt: "2026-03-02T16:10:00.000Z" }),
      expect.objectContaining({ type: "job.schedule", jobId: "job-6", dueAt: "2026-03-02T16:40:00.000Z" }),
      expect.objectContaining({ type: "job.schedule", jobId: "job-7", dueAt: "2026-03-02T19:40:00.000Z" }),
      expect.objectContaining({ type: "job.schedule", jobId: "job-8", dueAt: "2026-03-02T23:40:00.000Z" }),
    ]);
    expect(resumed.history.map((entry) => [entry.type, entry.data?.clock, entry.data?.consumedMs])).toEqual([
      ["variables.changed", undefined, undefined],
      ["sla.resumed", "response", 1_200_000],
      ["sla.resumed", "resolution", 1_200_000],
    ]);
  });

  it("stop the response clock at the first claim and the resolution clock at the end", () => {
    // given a P1 incident started at 14:00
    const host = new TestHost("2026-03-02T14:00:00.000Z", policy);
    const started = runEvents(definition, [startEvent({ priority: "P1" })], host).state;

    // when bob claims the task at 14:25 and completes it at 15:10
    host.now = "2026-03-02T14:25:00.000Z";
    const claimed = step(
      definition,
      started,
      { type: "task.claimed", taskId: "task-1", by: "bob" },
      host.context(),
    );
    host.now = "2026-03-02T15:10:00.000Z";
    const done = step(
      definition,
      claimed.state,
      { type: "task.completed", taskId: "task-1", by: "bob" },
      host.context(),
    );

    // then response stopped after 25 minutes within target, resolution after 70 minutes
    expect(claimed.state.sla!.clocks.response).toMatchObject({
      status: "stopped",
      consumedMs: 1_500_000,
      breached: false,
    });
    expect(claimed.effects).toEqual([
      { type: "task.claim", taskId: "task-1", by: "bob" },
      { type: "job.cancel", jobId: "job-1" },
      { type: "job.cancel", jobId: "job-2" },
    ]);
    expect(done.state.sla!.clocks.resolution).toMatchObject({ status: "stopped", consumedMs: 4_200_000 });
    expect(done.state.jobs).toEqual({});
  });

  it("count a clock stopped past its target as breached even before its breach job fired", () => {
    // given a P1 incident started at 14:00 whose checkpoint jobs never ran (runner down)
    const host = new TestHost("2026-03-02T14:00:00.000Z", policy);
    const started = runEvents(definition, [startEvent({ priority: "P1" })], host).state;

    // when bob first claims the task at 15:30, half an hour past the 1 h response target
    host.now = "2026-03-02T15:30:00.000Z";
    const claimed = step(
      definition,
      started,
      { type: "task.claimed", taskId: "task-1", by: "bob" },
      host.context(),
    );

    // then the response clock stops breached, and history says so
    expect(claimed.state.sla!.clocks.response).toMatchObject({
      status: "stopped",
      consumedMs: 5_400_000,
      breached: true,
    });
    expect(claimed.history).toContainEqual(
      expect.objectContaining({
        type: "sla.stopped",
        data: { clock: "response", consumedMs: 5_400_000, breached: true },
      }),
    );
  });

  it("record a warning and a breach when their checkpoints come due", () => {
    // given a P1 incident nobody picked up
    const host = new TestHost("2026-03-02T14:00:00.000Z", policy);
    const started = runEvents(definition, [startEvent({ priority: "P1" })], host).state;

    // when the response checkpoints fire at 14:30 and 15:00
    host.now = "2026-03-02T14:30:00.000Z";
    const warned = step(definition, started, { type: "job.fired", jobId: "job-1" }, host.context());
    host.now = "2026-03-02T15:00:00.000Z";
    const breached = step(definition, warned.state, { type: "job.fired", jobId: "job-2" }, host.context());

    // then a warning, then a breach escalated to the major-incident managers
    expect(warned.effects).toEqual([
      { type: "sla.escalate", clock: "response", level: "warning", atPercent: 50, notify: [] },
    ]);
    expect(breached.effects).toEqual([
      {
        type: "sla.escalate",
        clock: "response",
        level: "breach",
        atPercent: 100,
        notify: [{ kind: "group", group: "major-incident-managers" }],
      },
    ]);
    expect(breached.state.sla!.clocks.response).toMatchObject({
      breached: true,
      reached: [0, 1],
      checkpoints: {},
    });
  });

  it("count business hours on the policy calendar across a weekend and a holiday", () => {
    // given a P2 incident opened Friday 2026-01-16 at 15:00 New York time
    const host = new TestHost("2026-01-16T20:00:00.000Z", usEast);

    // when it starts, and is claimed on Tuesday at 10:30 local time
    const { state } = runEvents(definition, [startEvent({ priority: "P2" })], host);
    host.now = "2026-01-20T15:30:00.000Z";
    const claimed = step(
      definition,
      state,
      { type: "task.claimed", taskId: "task-1", by: "bob" },
      host.context(),
    );

    // then response was due Tuesday 11:00 and 3.5 business hours were used
    expect(state.sla!.clocks.response.dueAt).toBe("2026-01-20T16:00:00.000Z");
    // 16h: 2h Friday, 8h Tuesday, 6h Wednesday: due Wednesday 15:00 EST
    expect(state.sla!.clocks.resolution.dueAt).toBe("2026-01-21T20:00:00.000Z");
    expect(claimed.state.sla!.clocks.response).toMatchObject({ consumedMs: 12_600_000, breached: false });
  });

  it("do not start when the policy has no target for the priority", () => {
    // given a P2 incident under a policy with targets for P1 and P3 only
    const host = new TestHost("2026-03-02T14:00:00.000Z", policy);

    // when it starts
    const { state } = runEvents(definition, [startEvent({ priority: "P2" })], host);

    // then no clock runs
    expect(state.sla).toBeUndefined();
    expect(state.jobs).toEqual({});
  });
});
