import type { InstanceState, WorkflowDefinition } from "@flowdesk/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { storeBackends } from "../../store/store-backends.ts";
import passwordReset from "./fixtures/password-reset.workflow.json" with { type: "json" };
import { openRuntime, openTasks, type RuntimeHarness } from "./runtime-harness.ts";

const definition = passwordReset as unknown as WorkflowDefinition;

describe.each(storeBackends())("task routing through the runtime on $name", (backend) => {
  let harness: RuntimeHarness;

  beforeEach(async () => {
    harness = await openRuntime(backend);
    await harness.runtime.publishDefinition(definition, "owner");
  });
  afterEach(async () => harness.dispose());

  /** The task row, the instance's record of the task and the instance version, read together. */
  const standing = (instanceId: string, taskId: string) =>
    harness.store.transaction(async (tx) => {
      const instance = await tx.instances.get(instanceId);
      return {
        row: await tx.tasks.get(taskId),
        inState: (instance!.state as InstanceState).tasks[taskId],
        version: instance!.version,
        history: (await tx.history.listByInstance(instanceId)).map((entry) => entry.type),
      };
    });

  it("reassigns a claimed task so the instance state and the task row agree", async () => {
    // given a request whose first task bob claimed
    const { runtime } = harness;
    const started = await runtime.startInstance({ definitionId: "password-reset", requester: "alice" });
    const instanceId = started.instance.id;
    const [task] = await openTasks(harness, instanceId);
    await runtime.claimTask({ taskId: task!.id, by: "bob" });

    // when a lead reassigns it to the identity group
    const result = await runtime.reassignTask({
      taskId: task!.id,
      by: "lead",
      to: { kind: "group", group: "identity" },
    });

    // then the row, the state and the history say the same: the identity queue has it, nobody holds it
    const after = await standing(instanceId, task!.id);
    expect(after.row).toMatchObject({
      state: "open",
      assigneeUser: null,
      assigneeGroup: "identity",
      version: 3,
    });
    expect(after.inState).toMatchObject({ assignment: { kind: "group", group: "identity" } });
    expect(after.inState?.claimedBy).toBeUndefined();
    expect(after.version).toBe(3);
    expect(after.history.slice(-2)).toEqual(["task.claimed", "task.reassigned"]);
    expect(result.outbox[0]?.payload).toMatchObject({ types: ["task.reassigned"] });
  });

  it("claims a task once: claiming it again commits nothing", async () => {
    // given bob's claimed task
    const { runtime } = harness;
    const started = await runtime.startInstance({ definitionId: "password-reset", requester: "alice" });
    const [task] = await openTasks(harness, started.instance.id);
    await runtime.claimTask({ taskId: task!.id, by: "bob" });
    const before = await standing(started.instance.id, task!.id);

    // when bob claims it again
    const again = await runtime.claimTask({ taskId: task!.id, by: "bob" });

    // then nothing was written: same versions, same history, nothing to push
    expect(again).toMatchObject({ effects: [], history: [], outbox: [] });
    expect(await standing(started.instance.id, task!.id)).toEqual(before);
  });

  it("refuses to release or reassign an approval: approvals are delegated", async () => {
    // given a task row of kind approval (the access-request approval stands in through the row)
    const { runtime } = harness;
    const started = await runtime.startInstance({ definitionId: "password-reset", requester: "alice" });
    const [task] = await openTasks(harness, started.instance.id);
    await harness.store.transaction((tx) =>
      tx.tasks.insert([{ ...task!, id: "approval-1", kind: "approval", slot: "user:x" }]),
    );

    // when someone tries to move it
    const moved = runtime.reassignTask({
      taskId: "approval-1",
      by: "lead",
      to: { kind: "user", user: "carol" },
    });

    // then it is a conflict that says why
    await expect(moved).rejects.toMatchObject({
      code: "FD6409",
      message: expect.stringMatching(/delegated/),
    });
  });
});
