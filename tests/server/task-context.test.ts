import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HARDWARE_DATA, HardwareDesk, hardwareFixture } from "./support/hardware-desk.ts";
import { BACKENDS, openTestApp, type TestApp } from "./support/test-app.ts";

const DEFINITIONS: [string, string][] = [
  ["forms", "hardware-request.form.json"],
  ["workflows", "hardware-fulfilment.workflow.json"],
  ["catalog-items", "handed-out-hardware.catalog-item.json"],
];

describe.each(BACKENDS)("a task's context for the inbox on $name", (backend) => {
  let t: TestApp;
  let desk: HardwareDesk;

  beforeAll(async () => {
    t = await openTestApp(backend);
    desk = new HardwareDesk(t);
    await desk.signInAll([
      ["olivia", ["process-owner"], []],
      ["rita", ["requester"], []],
      ["fiona", ["agent"], ["procurement"]],
      ["sam", ["agent"], ["service-desk"]],
    ]);
    await HardwareDesk.publishHardwareCategory(t.store);
    for (const [segment, file] of DEFINITIONS) await desk.publish("olivia", segment, hardwareFixture(file));
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
