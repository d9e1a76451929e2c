import type { InstanceState, SlaClock, SlaPolicy } from "@flowdesk/core";
import type { TaskRecord } from "@flowdesk/engine";
import { describe, expect, it } from "vitest";
import { measureTask } from "../../packages/server/src/routes/task-sla-clock.ts";

const OPENED = "2026-03-02T09:00:00.000Z";
/** Half an hour after opening: before any warning. */
const EARLY = Date.parse("2026-03-02T09:30:00.000Z");

/** A policy warning at 50 % and 75 % and breaching at 100 %, like the starter policies with an earlier heads-up. */
const policy = {
  escalations: [
    { atPercent: 50, level: "warning" },
    { atPercent: 75, level: "warning" },
    { atPercent: 100, level: "breach" },
  ],
} as unknown as SlaPolicy;

const task = (dueAt: string | null): TaskRecord => ({
  id: "task-1",
  instanceId: "inst-1",
  nodeId: "triage",
  tokenId: "tok-1",
  kind: "task",
  slot: "",
  title: "Triage",
  assigneeUser: null,
  assigneeGroup: "service-desk",
  state: "open",
  form: null,
  data: null,
  outcome: null,
  completedBy: null,
  dueAt,
  version: 1,
  createdAt: OPENED,
  updatedAt: OPENED,
});

const clock = (change: Partial<SlaClock> = {}): SlaClock => ({
  status: "running",
  targetMs: 4 * 3_600_000,
  consumedMs: 0,
  since: OPENED,
  dueAt: "2026-03-02T13:00:00.000Z",
  reached: [],
  checkpoints: { "0": "job-50", "1": "job-75", "2": "job-100" },
  breached: false,
  ...change,
});

/** An instance whose clocks and checkpoint jobs are as given; the jobs' instants follow the policy's calendar. */
const instance = (response: SlaClock, resolution: SlaClock = clock()): InstanceState =>
  ({
    sla: { policyId: "desk-sla", priority: "P2", paused: false, clocks: { response, resolution } },
    jobs: {
      "job-50": { id: "job-50", dueAt: "2026-03-02T11:00:00.000Z" },
      "job-75": { id: "job-75", dueAt: "2026-03-02T12:00:00.000Z" },
      "job-100": { id: "job-100", dueAt: "2026-03-02T13:00:00.000Z" },
    },
  }) as unknown as InstanceState;

describe("the SLA clock a task is measured against", () => {
  it("is the running response clock, warning at the policy's first warning checkpoint", () => {
    // when a task of an instance with both clocks running is measured
    const measured = measureTask(task(null), instance(clock()), policy, EARLY);
    // then the response clock counts, warning at its 50 % checkpoint, on track for now
    expect(measured).toEqual({
      clock: "response",
      status: "running",
      dueAt: "2026-03-02T13:00:00.000Z",
      warningAt: "2026-03-02T11:00:00.000Z",
      warned: false,
      breached: false,
      standing: "on-track",
      targetMs: 4 * 3_600_000,
      consumedMs: 0,
      warningPercents: [50, 75],
    });
  });

  it("after the first warning fired, is warned and names the next warning checkpoint", () => {
    // given the 50 % escalation reached
    const measured = measureTask(task(null), instance(clock({ reached: [0] })), policy, EARLY);
    // then it is warned, stands at warning, and the 75 % checkpoint lies ahead
    expect(measured).toMatchObject({
      warned: true,
      standing: "warning",
      warningAt: "2026-03-02T12:00:00.000Z",
    });
  });

  it("moves to the resolution clock once the response clock stopped, and reports a breach", () => {
    // given a stopped response clock and a breached resolution clock
    const stopped = clock({ status: "stopped", checkpoints: {} });
    const breached = clock({ reached: [0, 1, 2], breached: true, checkpoints: {} });
    const measured = measureTask(task(null), instance(stopped, breached), policy);
    // then the resolution clock counts, breached, with no warning ahead
    expect(measured).toMatchObject({
      clock: "resolution",
      breached: true,
      standing: "breached",
      warned: true,
      warningAt: null,
    });
  });

  it("reads a paused clock as paused, without due or warning instants", () => {
    // given a response clock paused after one hour
    const paused = clock({ status: "paused", consumedMs: 3_600_000, dueAt: undefined, since: undefined });
    const measured = measureTask(task(null), instance(paused), policy);
    // then it is paused with its used time
    expect(measured).toMatchObject({
      clock: "response",
      status: "paused",
      dueAt: null,
      warningAt: null,
      consumedMs: 3_600_000,
      standing: "paused",
    });
  });

  it("falls back to the task's own due date, warning at the policy's first threshold or 75 % without one", () => {
    // given a task due four hours after it opened, in an instance without SLA clocks
    const due = "2026-03-02T13:00:00.000Z";
    const noClocks = { jobs: {} } as unknown as InstanceState;
    // then under the policy it warns at 50 %, without a policy at 75 %
    expect(measureTask(task(due), noClocks, policy)).toMatchObject({
      clock: "task",
      dueAt: due,
      warningAt: "2026-03-02T11:00:00.000Z",
      warningPercents: [50, 75],
    });
    expect(measureTask(task(due), undefined, undefined)).toMatchObject({
      warningAt: "2026-03-02T12:00:00.000Z",
      warningPercents: [75],
    });
    // and its standing follows the time of the answer: warning past 50 %, breached past its due
    expect(measureTask(task(due), noClocks, policy, Date.parse("2026-03-02T11:30:00.000Z"))?.standing).toBe(
      "warning",
    );
    expect(measureTask(task(due), noClocks, policy, Date.parse("2026-03-02T13:00:01.000Z"))?.standing).toBe(
      "breached",
    );
    // and a task with neither clock nor due date is not measured
    expect(measureTask(task(null), noClocks, policy)).toBeNull();
  });
});
