import type { InstanceState } from "@flowdesk/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HardwareDesk } from "./support/hardware-desk.ts";
import { BACKENDS, openTestApp, type TestApp } from "./support/test-app.ts";

describe.each(BACKENDS)("claiming tasks on $name", (backend) => {
  let t: TestApp;
  let desk: HardwareDesk;
  const post = (username: string, path: string, body?: object) => desk.post(username, path, body);

  /** The task row, its instance's state of it, and how often history says it was claimed. */
  const standing = async (taskId: string) =>
    t.store.transaction(async (tx) => {
      const task = await tx.tasks.get(taskId);
      const instance = await tx.instances.get(task!.instanceId);
      const history = await tx.history.listByInstance(task!.instanceId);
      return {
        task: task!,
        instanceVersion: instance!.version,
        inState: (instance!.state as InstanceState).tasks[taskId],
        claims: history.filter((entry) => entry.type === "task.claimed").length,
      };
    });

  const groupTask = async (): Promise<string> => {
    const requestId = await desk.submit("rita");
    const [task] = await t.store.transaction((tx) => tx.tasks.listByInstance(requestId));
    return task!.id;
  };

  beforeAll(async () => {
    t = await openTestApp(backend);
    desk = await HardwareDesk.open(t, [
      ["olivia", ["process-owner"], []],
      ["rita", ["requester"], []],
      ["fiona", ["agent"], ["procurement"]],
      ["fred", ["agent"], ["procurement"]],
      ["ada", ["admin"], []],
    ]);
  });
  afterAll(async () => t.close());

  it("leaves a task one already holds as it is when it is claimed again", async () => {
    // given a group task fiona claimed
    const taskId = await groupTask();
    expect((await post("fiona", `/api/tasks/${taskId}/claim`)).status).toBe(200);
    const first = await standing(taskId);

    // when she claims it again
    const again = await post("fiona", `/api/tasks/${taskId}/claim`);

    // then it answers the task unchanged: same version, no second history entry
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({
      id: taskId,
      state: "claimed",
      assigneeUser: "fiona",
      version: first.task.version,
    });
    const second = await standing(taskId);
    expect(second.task.version).toBe(first.task.version);
    expect(second.instanceVersion).toBe(first.instanceVersion);
    expect(second.claims).toBe(1);
  });

  it("refuses an admin claiming a task someone else holds with 409, changing nothing", async () => {
    // given a group task fiona claimed
    const taskId = await groupTask();
    await post("fiona", `/api/tasks/${taskId}/claim`);
    const before = await standing(taskId);

    // when the admin claims it
    const refused = await post("ada", `/api/tasks/${taskId}/claim`);

    // then it is a conflict that names who holds it, and the task is still fiona's
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toMatch(/with fiona/);
    expect(await standing(taskId)).toEqual(before);
  });

  it("keeps the instance state and the task row in agreement as the task is claimed, released and reassigned", async () => {
    // given a group task
    const taskId = await groupTask();

    // when fiona claims it, the instance state says she has it
    await post("fiona", `/api/tasks/${taskId}/claim`);
    let now = await standing(taskId);
    expect(now.task).toMatchObject({ state: "claimed", assigneeUser: "fiona", assigneeGroup: "procurement" });
    expect(now.inState).toMatchObject({
      claimedBy: "fiona",
      assignment: { kind: "group", group: "procurement" },
    });

    // when she releases it, nobody holds it, in the row and in the state
    await post("fiona", `/api/tasks/${taskId}/unclaim`);
    now = await standing(taskId);
    expect(now.task).toMatchObject({ state: "open", assigneeUser: null, assigneeGroup: "procurement" });
    expect(now.inState?.claimedBy).toBeUndefined();

    // when the admin reassigns it to fred, both say it is his
    expect((await post("ada", `/api/tasks/${taskId}/reassign`, { user: "fred" })).status).toBe(200);
    now = await standing(taskId);
    expect(now.task).toMatchObject({ state: "open", assigneeUser: "fred", assigneeGroup: null });
    expect(now.inState).toMatchObject({ assignment: { kind: "user", user: "fred" } });
    expect(now.inState?.claimedBy).toBeUndefined();

    // and nobody else, an admin included, may claim it over him
    expect((await post("ada", `/api/tasks/${taskId}/claim`)).status).toBe(409);
  });
});
