import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadTaskContext } from "../../packages/server/src/routes/task-context.routes.ts";
import { HARDWARE_DATA, HardwareDesk } from "./support/hardware-desk.ts";
import { BACKENDS, openTestApp, type TestApp } from "./support/test-app.ts";

/* A desk under an SLA policy whose fulfilment task has its own form, to pin form versions and clocks. */
const deskPolicy = {
  schemaVersion: 1,
  kind: "slaPolicy",
  id: "desk-sla",
  title: "Desk SLA",
  calendar: { timeZone: "UTC", workingHours: [{ days: ["mon"], start: "08:00", end: "18:00" }] },
  businessHours: false,
  targets: [{ priority: "P2", response: "PT4H", resolution: "PT20H" }],
  escalations: [
    { atPercent: 50, level: "warning" },
    { atPercent: 75, level: "warning" },
    { atPercent: 100, level: "breach" },
  ],
};
const deskRequestForm = {
  schemaVersion: 1,
  kind: "form",
  id: "desk-request",
  title: "Desk request",
  schema: {
    type: "object",
    properties: { item: { type: "string", title: "Item" }, priority: { type: "string", title: "Priority" } },
    required: ["item", "priority"],
  },
};
const handOutForm = (title: string) => ({
  schemaVersion: 1,
  kind: "form",
  id: "desk-hand-out",
  title,
  schema: { type: "object", properties: { serial: { type: "string", title: "Serial number" } } },
});
const deskWorkflow = {
  schemaVersion: 1,
  kind: "workflow",
  id: "desk-fulfilment",
  title: "Desk fulfilment under an SLA",
  slaPolicy: "desk-sla",
  priorityVariable: "priority",
  variables: { type: "object", properties: { item: { type: "string" }, priority: { type: "string" } } },
  nodes: [
    { id: "start", type: "start", config: {} },
    {
      id: "hand-out",
      type: "user-task",
      name: "Hand out",
      config: { assignee: { kind: "group", group: "procurement" }, form: "desk-hand-out" },
    },
    { id: "end", type: "end", config: { outcome: "delivered" } },
  ],
  edges: [
    { id: "e1", source: "start", target: "hand-out" },
    { id: "e2", source: "hand-out", target: "end" },
  ],
};
const deskItem = {
  schemaVersion: 1,
  kind: "catalogItem",
  id: "desk-item",
  title: "Desk item",
  category: "hardware-and-software",
  form: "desk-request",
  workflow: "desk-fulfilment",
};

describe.each(BACKENDS)("a task's context for the inbox on $name", (backend) => {
  let t: TestApp;
  let desk: HardwareDesk;

  beforeAll(async () => {
    t = await openTestApp(backend);
    desk = await HardwareDesk.open(t, [
      ["olivia", ["process-owner"], []],
      ["rita", ["requester"], []],
      ["fiona", ["agent"], ["procurement"]],
      ["sam", ["agent"], ["service-desk"]],
    ]);
  });
  afterAll(async () => t.close());

  it("lists queue tasks with their request and answers the step, request data and people of one task", async () => {
    // given a request whose task waits in the procurement queue
    const requestId = await desk.submit("rita");

    // when fiona lists her groups' queue and opens the task's context after claiming it
    const queue = await desk.as("fiona").agent.get("/api/tasks?scope=groups").expect(200);
    const row = queue.body.items.find((item: { instanceId: string }) => item.instanceId === requestId);
    await desk.post("fiona", `/api/tasks/${row.id}/claim`).expect(200);
    const context = await desk.as("fiona").agent.get(`/api/tasks/${row.id}/context`).expect(200);

    // then the row names the request, and the context carries what the inbox shows
    expect(row.request).toMatchObject({ id: requestId, requester: "rita", requesterName: "rita" });
    expect(row.assigneeName).toBeNull();
    expect(typeof row.request.title).toBe("string");
    expect(context.body).toMatchObject({
      task: { id: row.id, state: "claimed", assigneeUser: "fiona" },
      step: { name: "Hand out the hardware", type: "user-task", requireComment: "never", outcomes: [] },
      form: null,
      request: { id: requestId, requester: "rita" },
      requester: "rita",
      variables: HARDWARE_DATA,
    });
    expect(Object.keys(context.body.people).sort()).toEqual(["fiona", "rita"]);
  });

  it("measures rows and context by the instance's SLA clock with the policy's warning checkpoint", async () => {
    // given a desk under a policy warning at 50 % of a 4 h response target
    await desk.publish("olivia", "sla-policies", deskPolicy);
    await desk.publish("olivia", "forms", deskRequestForm);
    await desk.publish("olivia", "forms", handOutForm("Hand out v1"));
    await desk.publish("olivia", "workflows", deskWorkflow);
    await desk.publish("olivia", "catalog-items", deskItem);
    const submitted = await desk.post("rita", "/api/requests", {
      catalogItemId: "desk-item",
      data: { item: "Dock", priority: "P2" },
    });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);

    // when fiona lists her queue and opens the task's context
    const queue = await desk.as("fiona").agent.get("/api/tasks?scope=groups").expect(200);
    const row = queue.body.items.find(
      (item: { instanceId: string }) => item.instanceId === submitted.body.id,
    );
    const context = await desk.as("fiona").agent.get(`/api/tasks/${row.id}/context`).expect(200);

    // then both name the running response clock, due after 4 h and warning after 2 h
    const measured = row.measuredBy;
    expect(measured).toMatchObject({
      clock: "response",
      status: "running",
      warned: false,
      breached: false,
      targetMs: 4 * 3_600_000,
      warningPercents: [50, 75],
    });
    expect(Date.parse(measured.dueAt) - Date.parse(measured.warningAt)).toBe(2 * 3_600_000);
    expect(context.body.measuredBy).toEqual(measured);
    // and fiona's claimed hardware task, without SLA clocks or due date, is not measured
    const mine = await desk.as("fiona").agent.get("/api/tasks?scope=mine").expect(200);
    expect(mine.body.items.length).toBeGreaterThan(0);
    for (const item of mine.body.items) expect(item.measuredBy).toBeNull();
  });

  it("keeps an open task on the form version it opened with when a new version is published", async () => {
    // given a task opened under hand-out form v1 (published in the test before, or now)
    const submitted = await desk.post("rita", "/api/requests", {
      catalogItemId: "desk-item",
      data: { item: "Headset", priority: "P2" },
    });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
    const openedUnder = await desk.as("olivia").agent.get("/api/forms/desk-hand-out/versions").expect(200);
    const v1 = Math.max(...openedUnder.body.items.map((item: { version: number }) => item.version));

    // when the form's next version is published and another request comes in
    await desk.publish("olivia", "forms", handOutForm("Hand out v2"));
    const later = await desk.post("rita", "/api/requests", {
      catalogItemId: "desk-item",
      data: { item: "Mouse", priority: "P2" },
    });
    const queue = await desk.as("fiona").agent.get("/api/tasks?scope=groups").expect(200);
    const taskOf = (instanceId: string) =>
      queue.body.items.find((item: { instanceId: string }) => item.instanceId === instanceId);
    const before = await desk.as("fiona").agent.get(`/api/tasks/${taskOf(submitted.body.id).id}/context`);
    const after = await desk.as("fiona").agent.get(`/api/tasks/${taskOf(later.body.id).id}/context`);

    // then the open task still names v1, the new one v2
    expect(before.body.form).toEqual({ id: "desk-hand-out", version: v1 });
    expect(after.body.form).toEqual({ id: "desk-hand-out", version: v1 + 1 });
    // and a row written before versions were pinned (null) is read at the latest version
    const oldRow = await t.store.transaction(async (tx) => {
      const task = await tx.tasks.get(taskOf(submitted.body.id).id);
      return task === undefined ? undefined : loadTaskContext(tx, { ...task, formVersion: null });
    });
    expect(oldRow?.form).toEqual({ id: "desk-hand-out", version: v1 + 1 });
  });

  it("answers 404 to someone the task is not for, like a task that does not exist", async () => {
    // given a task in the procurement queue
    const requestId = await desk.submit("rita");
    const queue = await desk.as("fiona").agent.get("/api/tasks?scope=groups").expect(200);
    const row = queue.body.items.find((item: { instanceId: string }) => item.instanceId === requestId);

    // when an agent of another group and the requester ask for its context
    const stranger = await desk.as("sam").agent.get(`/api/tasks/${row.id}/context`);
    const requester = await desk.as("rita").agent.get(`/api/tasks/${row.id}/context`);
    const missing = await desk.as("fiona").agent.get("/api/tasks/no-such-task/context");

    // then all three are told there is no such task
    expect([stranger.status, requester.status, missing.status]).toEqual([404, 404, 404]);
  });
});
