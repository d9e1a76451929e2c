import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HARDWARE_DATA as DATA, HardwareDesk } from "./support/hardware-desk.ts";
import { BACKENDS, openTestApp, type TestApp } from "./support/test-app.ts";

describe.each(BACKENDS)("tasks and instances on $name", (backend) => {
  let t: TestApp;
  let desk: HardwareDesk;
  const as = (username: string) => desk.as(username);
  const post = (username: string, path: string, body?: object) => desk.post(username, path, body);
  const submit = (): Promise<string> => desk.submit("rita");
  const taskOf = async (requestId: string) => {
    const detail = await as("rita").agent.get(`/api/requests/${requestId}`).expect(200);
    return detail.body.openTasks[0] as { id: string; version: number };
  };

  beforeAll(async () => {
    t = await openTestApp(backend);
    desk = await HardwareDesk.open(t, [
      ["olivia", ["process-owner"], []],
      ["rita", ["requester"], []],
      ["fiona", ["agent"], ["procurement"]],
      ["fred", ["agent"], ["procurement"]],
    ]);
  });
  afterAll(async () => t.close());

  it("claims, unclaims, reassigns and completes a group task, refusing whoever it is not for", async () => {
    // given a request whose task waits in the procurement queue
    const requestId = await submit();
    const task = await taskOf(requestId);

    // when fiona claims it
    const claimed = await post("fiona", `/api/tasks/${task.id}/claim`);

    // then it is hers: gone from the group queue, and fred may not complete it
    expect(claimed.status).toBe(200);
    expect(claimed.body).toMatchObject({
      state: "claimed",
      assigneeUser: "fiona",
      assigneeGroup: "procurement",
    });
    const fredQueue = await as("fred").agent.get("/api/tasks?scope=groups").expect(200);
    expect(fredQueue.body.items.map((item: { id: string }) => item.id)).not.toContain(task.id);
    const refused = await post("fred", `/api/tasks/${task.id}/complete`, { outcome: "done" });
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toMatch(/claimed by fiona/);

    // when she puts it back, then it is in the queue again
    const unclaimed = await post("fiona", `/api/tasks/${task.id}/unclaim`);
    expect(unclaimed.body).toMatchObject({ state: "open", assigneeUser: null, assigneeGroup: "procurement" });

    // when she reassigns it to fred (and to someone who does not exist)
    const unknown = await post("fiona", `/api/tasks/${task.id}/reassign`, { user: "nobody-here" });
    const reassigned = await post("fiona", `/api/tasks/${task.id}/reassign`, { user: "fred" });

    // then the unknown user is refused and fred has it in his own list
    expect(unknown.status).toBe(422);
    expect(reassigned.status).toBe(200);
    expect(reassigned.body).toMatchObject({ assigneeUser: "fred", assigneeGroup: null });
    const fredsOwn = await as("fred").agent.get("/api/tasks?scope=mine").expect(200);
    expect(fredsOwn.body.items.map((item: { id: string }) => item.id)).toContain(task.id);

    // when fred completes it with a stale version, then with the current one
    const stale = await post("fred", `/api/tasks/${task.id}/complete`, {
      outcome: "done",
      version: task.version,
    });
    const done = await post("fred", `/api/tasks/${task.id}/complete`, { outcome: "done" });

    // then the stale one lost, the request completed, and the history says who moved it
    expect(stale.status).toBe(409);
    expect(done.status).toBe(200);
    const detail = await as("rita").agent.get(`/api/requests/${requestId}`).expect(200);
    expect(detail.body.status).toBe("completed");
    const types = detail.body.timeline.map((entry: { type: string }) => entry.type);
    expect(types).toEqual(
      expect.arrayContaining(["task.claimed", "task.unclaimed", "task.reassigned", "task.completed"]),
    );
  });

  it("shows instances to staff with variables and waiting positions, and cancels them with their tasks", async () => {
    // given a running request
    const requestId = await submit();
    const task = await taskOf(requestId);

    // when an agent reads the list and the instance
    const list = await as("fiona")
      .agent.get("/api/instances?definition=hardware-fulfilment&status=running")
      .expect(200);
    const detail = await as("fiona").agent.get(`/api/instances/${requestId}`).expect(200);

    // then it is listed, with its variables and the step it waits at
    expect(list.body.items.map((item: { id: string }) => item.id)).toContain(requestId);
    expect(detail.body.variables).toMatchObject(DATA);
    expect(detail.body.requester).toBe("rita");
    expect(detail.body.positions).toEqual([
      expect.objectContaining({ nodeId: "hand-out", waitsFor: "task" }),
    ]);

    // when it is cancelled
    const cancelled = await post("fiona", `/api/instances/${requestId}/cancel`, { reason: "ordered twice" });

    // then the instance and its task are cancelled, and completing the task is refused
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe("cancelled");
    const closed = await as("fiona").agent.get(`/api/tasks/${task.id}`).expect(200);
    expect(closed.body.state).toBe("cancelled");
    expect((await post("fiona", `/api/tasks/${task.id}/complete`, {})).status).toBe(409);
    // and a requester cannot read the instance resource or a task that is not theirs
    expect((await as("rita").agent.get(`/api/instances/${requestId}`)).status).toBe(403);
    expect((await as("rita").agent.get(`/api/tasks/${task.id}`)).status).toBe(404);
  });

  it("lists open incidents to admins and retries one once", async () => {
    // given an admin and an incident on a running request (a job that ran out of attempts)
    await desk.signInAll([["ada", ["admin"], []]]);
    const requestId = await submit();
    const incidentId = `incident-${requestId}`;
    await t.store.transaction((tx) =>
      tx.incidents.insert({
        id: incidentId,
        instanceId: requestId,
        nodeId: "hand-out",
        tokenId: null,
        jobId: null,
        error: { code: "FD6504", kind: "operational", message: "mail server unreachable", retryable: true },
        status: "open",
        retryCount: 0,
        createdAt: new Date().toISOString(),
        resolvedAt: null,
      }),
    );

    // when the admin lists incidents and retries this one twice
    const listed = await as("ada").agent.get("/api/incidents").expect(200);
    const retried = await post("ada", `/api/incidents/${incidentId}/retry`);
    const again = await post("ada", `/api/incidents/${incidentId}/retry`);

    // then it was listed, the first retry resolved it, the second was told so
    expect(listed.body.items.map((item: { id: string }) => item.id)).toContain(incidentId);
    expect(retried.status).toBe(200);
    expect(retried.body.instanceId).toBe(requestId);
    expect(again.status).toBe(409);
    const after = await as("ada").agent.get("/api/incidents").expect(200);
    expect(after.body.items.map((item: { id: string }) => item.id)).not.toContain(incidentId);
    const instance = await as("ada").agent.get(`/api/instances/${requestId}`).expect(200);
    expect(instance.body.history.map((entry: { type: string }) => entry.type)).toContain("incident.resolved");
  });
});
