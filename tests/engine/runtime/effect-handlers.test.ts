import type { Effect, InstanceState } from "@flowdesk/core";
import { EFFECT_HANDLERS, type EffectHandlers, writeEffects } from "@flowdesk/engine";
import type { SqlStore } from "@flowdesk/store";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type OpenedStore, storeBackends } from "../../store/store-backends.ts";

const NOW = "2026-03-02T14:00:00.000Z";
const OPENED_AT = "2026-03-02T13:59:59.123Z";

/** An instance state holding what the effects below refer to: a token, a task, a call, an incident. */
const state: InstanceState = {
  stateVersion: 1,
  instanceId: "inc-1",
  definitionId: "simple-task",
  status: "running",
  requester: "alice",
  startedAt: NOW,
  variables: {},
  tokens: { "token-1": { id: "token-1", nodeId: "reset", wait: { kind: "task", taskId: "task-1" } } },
  tasks: {
    "task-1": {
      id: "task-1",
      tokenId: "token-1",
      nodeId: "reset",
      kind: "task",
      assignment: { kind: "group", group: "service-desk" },
      createdAt: OPENED_AT,
    },
  },
  approvals: {},
  jobs: {},
  calls: {
    "call-1": {
      id: "call-1",
      tokenId: "token-1",
      nodeId: "reset",
      attempt: 2,
      idempotencyKey: "key-1",
      request: { method: "POST", url: "https://cmdb.example/api", headers: {}, timeoutMs: 1000 },
    },
  },
  subprocesses: {},
  forks: {},
  incidents: {
    "incident-1": {
      id: "incident-1",
      tokenId: "token-1",
      nodeId: "reset",
      openedAt: NOW,
      error: { code: "FD5020", kind: "operational", message: "bad expression", retryable: true },
    },
  },
};

const createTask: Effect = {
  type: "task.create",
  taskId: "task-1",
  tokenId: "token-1",
  nodeId: "reset",
  kind: "task",
  title: "Reset password",
  assignment: { kind: "group", group: "service-desk" },
  outcomes: [{ id: "done", label: "Done" }],
  dueAt: "2026-03-02T18:00:00.000Z",
  instructions: "Reset it",
};

describe("the effect handler map", () => {
  it("has one handler per effect type, and its type refuses a map that misses one", () => {
    // given every effect type the core emits
    const types = [
      "task.create",
      "task.claim",
      "task.close",
      "task.cancel",
      "task.reassign",
      "job.schedule",
      "job.cancel",
      "http.call",
      "notify.send",
      "subprocess.start",
      "subprocess.cancel",
      "incident.opened",
      "incident.resolved",
      "sla.escalate",
      "instance.completed",
      "instance.cancelled",
    ] satisfies Effect["type"][];

    // when the map is read, then it names exactly those
    expect(Object.keys(EFFECT_HANDLERS).sort()).toEqual([...types].sort());
    const { "task.create": _left, ...rest } = EFFECT_HANDLERS;
    // @ts-expect-error a map without the task.create handler is not a complete EffectHandlers
    const incomplete: EffectHandlers = rest;
    expect(Object.keys(incomplete)).not.toContain("task.create");
  });
});

describe.each(storeBackends())("effect handlers write their rows on $name", (backend) => {
  let opened: OpenedStore;
  let store: SqlStore;
  let ids = 0;

  /** Writes `effects` of one step for inc-1, as the kernel does, in one transaction. */
  const write = (effects: Effect[]) =>
    store.transaction((tx) =>
      writeEffects(
        { tx, instanceId: "inc-1", state, now: NOW, newId: (prefix) => `${prefix}-w${++ids}` },
        effects,
      ),
    );
  const task = () => store.transaction((tx) => tx.tasks.get("task-1"));
  const jobs = () => store.transaction((tx) => tx.jobs.listByInstance("inc-1"));

  beforeEach(async () => {
    opened = await backend.open();
    store = opened.store;
    await store.transaction((tx) =>
      tx.instances.insert({
        id: "inc-1",
        definitionId: "simple-task",
        definitionVersion: 1,
        definitionHash: "0".repeat(64),
        status: "running",
        state,
        version: 1,
        businessKey: null,
        parentInstanceId: null,
        createdAt: NOW,
        updatedAt: NOW,
      }),
    );
  });
  afterEach(async () => opened.dispose());

  it("task.create opens the row for the assignee, as the state dates it", async () => {
    // when
    await write([createTask]);
    // then
    expect(await task()).toMatchObject({
      state: "open",
      kind: "task",
      slot: "",
      assigneeUser: null,
      assigneeGroup: "service-desk",
      title: "Reset password",
      form: null,
      formVersion: null,
      data: { outcomes: [{ id: "done", label: "Done" }], instructions: "Reset it" },
      dueAt: "2026-03-02T18:00:00.000Z",
      version: 1,
      createdAt: OPENED_AT,
    });
  });

  it("task.claim, task.reassign and task.close follow the task through its life", async () => {
    // given an open task
    await write([createTask]);
    // when bob claims it
    await write([{ type: "task.claim", taskId: "task-1", by: "bob" }]);
    const claimed = await task();
    // when it goes to a role
    await write([
      { type: "task.reassign", taskId: "task-1", assignment: { kind: "role", role: "dba" }, by: "lead" },
    ]);
    const reassigned = await task();
    // when carol closes it with data
    await write([
      { type: "task.close", taskId: "task-1", outcome: "done", by: "carol", data: { note: "ok" } },
    ]);
    // then each step shows on the row
    expect(claimed).toMatchObject({
      state: "claimed",
      assigneeUser: "bob",
      assigneeGroup: "service-desk",
      version: 2,
    });
    expect(reassigned).toMatchObject({
      state: "open",
      assigneeUser: null,
      assigneeGroup: "role:dba",
      version: 3,
    });
    expect(await task()).toMatchObject({
      state: "completed",
      outcome: "done",
      completedBy: "carol",
      data: { note: "ok" },
      version: 4,
    });
  });

  it("task.cancel cancels a task created earlier in the same step", async () => {
    // when
    await write([createTask, { type: "task.cancel", taskId: "task-1", reason: "approval settled" }]);
    // then
    expect(await task()).toMatchObject({ state: "cancelled" });
  });

  it("job effects become jobs for the runner, placed on the token's step", async () => {
    // when a timer, an HTTP attempt, a notification and subprocess hand-offs are written, and a timer cancelled
    await write([
      {
        type: "job.schedule",
        jobId: "job-1",
        dueAt: "2026-03-02T15:00:00.000Z",
        purpose: { kind: "timer", tokenId: "token-1" },
      },
      {
        type: "job.schedule",
        jobId: "job-2",
        dueAt: "2026-03-02T16:00:00.000Z",
        purpose: { kind: "sla-checkpoint", clock: "response", escalation: 0 },
      },
      { type: "job.cancel", jobId: "job-2" },
      {
        type: "http.call",
        callId: "call-1",
        attempt: 2,
        idempotencyKey: "key-1",
        request: state.calls["call-1"]!.request,
      },
      {
        type: "notify.send",
        notificationId: "notification-1",
        channel: "in-app",
        to: [{ kind: "user", user: "bob" }],
        body: "Hi",
      },
      {
        type: "subprocess.start",
        childInstanceId: "child-1",
        workflow: "follow-up",
        input: { a: 1 },
        parentTokenId: "token-1",
      },
      { type: "subprocess.cancel", childInstanceId: "child-1", reason: "parent cancelled" },
    ]);
    // then
    const byKind = Object.fromEntries((await jobs()).map((job) => [job.id, job]));
    expect(byKind["job-1"]).toMatchObject({
      kind: "timer",
      status: "pending",
      nodeId: "reset",
      tokenId: "token-1",
      dueAt: "2026-03-02T15:00:00.000Z",
    });
    expect(byKind["job-2"]).toMatchObject({
      kind: "timer",
      status: "cancelled",
      nodeId: null,
      tokenId: null,
    });
    const rest = (await jobs()).filter((job) => !["job-1", "job-2"].includes(job.id));
    expect(rest.map((job) => job.kind).sort()).toEqual([
      "http",
      "notify",
      "subprocess.cancel",
      "subprocess.start",
    ]);
    expect(rest.find((job) => job.kind === "http")).toMatchObject({
      idempotencyKey: "call-1#2",
      tokenId: "token-1",
      nodeId: "reset",
      dueAt: NOW,
      payload: { callId: "call-1", attempt: 2, idempotencyKey: "key-1" },
    });
    expect(rest.find((job) => job.kind === "notify")).toMatchObject({ id: "notification-1" });
    expect(rest.find((job) => job.kind === "subprocess.start")).toMatchObject({
      tokenId: "token-1",
      payload: {
        childInstanceId: "child-1",
        requester: "alice",
        parent: { instanceId: "inc-1", tokenId: "token-1" },
      },
    });
  });

  it("an instance that ends tells its parent, and only when it has one", async () => {
    // when a subprocess completes and a top-level instance is cancelled
    await write([
      {
        type: "instance.completed",
        outcome: "done",
        variables: { x: 1 },
        parent: { instanceId: "parent-1", tokenId: "token-9" },
      },
      { type: "instance.cancelled", reason: "withdrawn" },
    ]);
    await write([
      {
        type: "instance.cancelled",
        reason: "withdrawn",
        parent: { instanceId: "parent-1", tokenId: "token-9" },
      },
    ]);
    // then two reports went to the parent, in order
    const reports = (await jobs()).filter((job) => job.kind === "subprocess.report");
    expect(reports.map((job) => job.payload)).toEqual([
      {
        parentInstanceId: "parent-1",
        event: {
          type: "subprocess.completed",
          childInstanceId: "inc-1",
          variables: { x: 1 },
          outcome: "done",
        },
      },
      {
        parentInstanceId: "parent-1",
        event: {
          type: "subprocess.failed",
          childInstanceId: "inc-1",
          error: { code: "FD6410", kind: "operational", message: "withdrawn", retryable: false },
        },
      },
    ]);
  });

  it("incidents open and resolve on their rows; SLA escalations become outbox rows", async () => {
    // when
    const outbox = await write([
      {
        type: "incident.opened",
        incidentId: "incident-1",
        nodeId: "reset",
        error: state.incidents["incident-1"]!.error,
      },
      {
        type: "sla.escalate",
        clock: "response",
        level: "warning",
        atPercent: 75,
        notify: [{ kind: "group", group: "leads" }],
      },
    ]);
    const opened = await store.transaction((tx) => tx.incidents.get("incident-1"));
    await write([{ type: "incident.resolved", incidentId: "incident-1" }]);
    // then
    expect(opened).toMatchObject({
      status: "open",
      tokenId: "token-1",
      nodeId: "reset",
      error: { code: "FD5020" },
    });
    expect(await store.transaction((tx) => tx.incidents.get("incident-1"))).toMatchObject({
      status: "resolved",
    });
    expect(outbox).toEqual([
      expect.objectContaining({
        topic: "sla.escalate",
        instanceId: "inc-1",
        historySeq: null,
        payload: expect.objectContaining({ atPercent: 75 }),
      }),
    ]);
  });
});
