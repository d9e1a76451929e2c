import { describe, expect, it } from "vitest";
import type { RequestDetail } from "../../../packages/web/src/portal/portal-api.ts";
import { buildTimeline, slaDue, waitingOn } from "../../../packages/web/src/portal/request-timeline.ts";

const entry = (
  seq: number,
  type: string,
  nodeId: string | null,
  actor: string | null,
  data: unknown = null,
) => ({
  seq,
  instanceId: "request-1",
  type,
  nodeId,
  tokenId: null,
  actor,
  data,
  at: `2026-11-21T10:0${seq}:00.000Z`,
});

const request = (overrides: Partial<RequestDetail> = {}): RequestDetail => ({
  id: "request-1",
  title: "Request a new laptop",
  requester: "rita",
  catalogItemId: "request-a-laptop",
  catalogItemVersion: 1,
  formId: "laptop-request",
  formVersion: 1,
  formHash: "form-hash",
  workflowId: "new-laptop",
  workflowVersion: 1,
  workflowHash: "workflow-hash",
  status: "running",
  createdAt: "2026-11-21T10:00:00.000Z",
  updatedAt: "2026-11-21T10:05:00.000Z",
  steps: {
    "manager-approval": { name: "Manager approval", type: "approval" },
    procure: { name: "Order the laptop", type: "user-task" },
  },
  openTasks: [],
  sla: null,
  mayCancel: true,
  people: { rita: "Rita Requester", mona: "Mona Manager" },
  timeline: [],
  ...overrides,
});

describe("request timeline", () => {
  it("tells the request's story with step names, who acted (by display name where known) and their comment, leaving engine steps out", () => {
    // given the history of an approved request that reached procurement (out of order, as a merge may give)
    const detail = request({
      timeline: [
        entry(5, "approval.decided", "manager-approval", "mona", {
          decision: "approved",
          comment: "Go ahead",
        }),
        entry(1, "instance.started", null, "rita", { definitionId: "new-laptop" }),
        entry(2, "node.entered", "manager-approval", "rita"),
        entry(3, "task.created", "manager-approval", "rita", {
          taskId: "t1",
          assignment: { kind: "user", user: "mona" },
        }),
        entry(4, "task.completed", "manager-approval", "mona", { taskId: "t1", outcome: "approved" }),
        entry(6, "task.created", "procure", "mona", {
          taskId: "t2",
          assignment: { kind: "group", group: "procurement" },
        }),
        entry(7, "task.claimed", "procure", "fiona", { taskId: "t2" }),
        entry(8, "task.completed", "procure", "fiona", { taskId: "t2", outcome: "done" }),
        entry(9, "instance.completed", null, "fiona", { outcome: "fulfilled" }),
      ],
    });

    // when
    const timeline = buildTimeline(detail);

    // then
    expect(timeline.map((item) => [item.actor, item.event])).toEqual([
      ["Rita Requester", { kind: "submitted" }],
      [
        "Rita Requester",
        { kind: "assigned", step: "Manager approval", approval: true, user: "Mona Manager" },
      ],
      [
        "Mona Manager",
        { kind: "decided", step: "Manager approval", decision: "approved", comment: "Go ahead" },
      ],
      ["Mona Manager", { kind: "assigned", step: "Order the laptop", approval: false, group: "procurement" }],
      ["fiona", { kind: "claimed", step: "Order the laptop" }],
      ["fiona", { kind: "stepDone", step: "Order the laptop", outcome: "done" }],
      ["fiona", { kind: "completed", outcome: "fulfilled" }],
    ]);
    expect(timeline[0]?.at).toBe("2026-11-21T10:01:00.000Z");
  });

  it("shows a cancellation with its reason and SLA escalations", () => {
    // given
    const detail = request({
      status: "cancelled",
      timeline: [
        entry(1, "instance.started", null, "rita"),
        entry(2, "sla.warning", null, null, { clock: "resolution", atPercent: 75 }),
        entry(3, "instance.cancelled", null, "rita", { reason: "No longer needed" }),
      ],
    });

    // when
    const events = buildTimeline(detail).map((item) => item.event);

    // then
    expect(events).toEqual([
      { kind: "submitted" },
      { kind: "slaWarning", clock: "resolution" },
      { kind: "cancelled", reason: "No longer needed" },
    ]);
  });

  it("says who the running request waits for, and nobody once it has ended", () => {
    // given an open approval
    const openTasks = [
      {
        id: "t1",
        instanceId: "request-1",
        nodeId: "manager-approval",
        tokenId: "k1",
        kind: "approval" as const,
        slot: "main",
        title: "Manager approval",
        assigneeUser: "mona",
        assigneeGroup: null,
        state: "open" as const,
        form: null,
        data: null,
        outcome: null,
        completedBy: null,
        dueAt: null,
        version: 1,
        createdAt: "2026-11-21T10:02:00.000Z",
        updatedAt: "2026-11-21T10:02:00.000Z",
      },
    ];

    // when / then
    expect(waitingOn(request({ openTasks }))).toEqual([
      { key: "t1", step: "Manager approval", approval: true, user: "Mona Manager", group: null, dueAt: null },
    ]);
    expect(waitingOn(request({ openTasks, status: "cancelled" }))).toEqual([]);
  });

  it("picks the running resolution clock as the SLA due date", () => {
    // given a stopped response clock and a running resolution clock
    const sla = {
      priority: "P2",
      paused: false,
      clocks: [
        {
          clock: "response" as const,
          status: "stopped" as const,
          dueAt: null,
          stoppedAt: "2026-11-21T10:10:00.000Z",
          breached: false,
          standing: "met" as const,
        },
        {
          clock: "resolution" as const,
          status: "running" as const,
          dueAt: "2026-11-22T10:00:00.000Z",
          stoppedAt: null,
          breached: false,
          standing: "on-track" as const,
        },
      ],
      standing: "on-track" as const,
    };

    // when / then
    expect(slaDue(request({ sla }), Date.parse("2026-11-22T09:00:00.000Z"))).toEqual({
      clock: "resolution",
      dueAt: "2026-11-22T10:00:00.000Z",
      standing: "on-track",
    });
    // and once the due instant passes on the viewer's clock, the same clock reads breached
    expect(slaDue(request({ sla }), Date.parse("2026-11-22T10:00:01.000Z"))?.standing).toBe("breached");
    expect(slaDue(request())).toBeUndefined();
  });
});
