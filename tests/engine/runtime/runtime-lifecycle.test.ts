import { FlowdeskError, type WorkflowDefinition } from "@flowdesk/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { storeBackends } from "../../store/store-backends.ts";
import accessRequest from "./fixtures/access-request.workflow.json" with { type: "json" };
import passwordReset from "./fixtures/password-reset.workflow.json" with { type: "json" };
import { openRuntime, openTasks, type RuntimeHarness } from "./runtime-harness.ts";

const definition = passwordReset as unknown as WorkflowDefinition;

describe.each(storeBackends())("runtime on $name", (backend) => {
  let harness: RuntimeHarness;

  beforeEach(async () => {
    harness = await openRuntime(backend);
    await harness.runtime.publishDefinition(definition, "owner");
  });

  afterEach(async () => {
    await harness.dispose();
  });

  it("runs a request from start through its tasks to the end, one transaction per command", async () => {
    // given
    const { runtime, store } = harness;
    const started = await runtime.startInstance({
      definitionId: "password-reset",
      requester: "alice",
      data: { account: "alice" },
      businessKey: "REQ-1",
    });
    const instanceId = started.instance.id;
    // when
    const [verify] = await openTasks(harness, instanceId);
    await runtime.completeTask({ taskId: verify!.id, by: "bob", data: { verified: true } });
    const [reset] = await openTasks(harness, instanceId);
    const finished = await runtime.completeTask({ taskId: reset!.id, by: "carol" });
    // then
    expect(verify).toMatchObject({ nodeId: "verify", assigneeGroup: "service-desk", state: "open" });
    expect(reset).toMatchObject({ nodeId: "reset", assigneeGroup: "identity" });
    expect(finished.instance).toMatchObject({ status: "completed", version: 3 });
    expect(finished.outbox[0]).toMatchObject({ topic: "instance.changed", instanceId });
    const stored = await store.transaction((tx) => tx.instances.get(instanceId));
    expect(stored).toMatchObject({
      status: "completed",
      version: 3,
      definitionVersion: 1,
      businessKey: "REQ-1",
    });
    expect((stored?.state as { variables: Record<string, unknown> } | undefined)?.variables).toMatchObject({
      verified: true,
    });
    expect(await openTasks(harness, instanceId)).toEqual([]);
    const history = await store.transaction((tx) => tx.history.listByInstance(instanceId));
    const seqs = history.map((entry) => entry.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(history.map((entry) => entry.type)).toContain("instance.completed");
    expect(history.find((entry) => entry.type === "task.completed")?.actor).toBe("bob");
  });

  it("lets exactly one of 100 concurrent completions of one task win; the others get FD6409", async () => {
    // given
    const started = await harness.runtime.startInstance({
      definitionId: "password-reset",
      requester: "alice",
    });
    const [task] = await openTasks(harness, started.instance.id);
    // when
    const outcomes = await Promise.allSettled(
      Array.from({ length: 100 }, (_, agent) =>
        harness.runtime.completeTask({ taskId: task!.id, by: `agent-${agent}` }),
      ),
    );
    // then
    const won = outcomes.filter((outcome) => outcome.status === "fulfilled");
    const lost = outcomes.flatMap((outcome) => (outcome.status === "rejected" ? [outcome.reason] : []));
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(99);
    for (const error of lost) {
      expect(error).toBeInstanceOf(FlowdeskError);
      expect(error).toMatchObject({ code: "FD6409", kind: "user" });
      expect((error as Error).message).toMatch(
        /Task .* (already completed|completed or changed by someone else|changed by someone else)/,
      );
    }
    const open = await openTasks(harness, started.instance.id);
    expect(open.map((t) => t.nodeId)).toEqual(["reset"]);
    const stored = await harness.store.transaction((tx) => tx.instances.get(started.instance.id));
    expect(stored?.version).toBe(2);
  });

  it("refuses a completion at a task version the agent did not see", async () => {
    // given
    const started = await harness.runtime.startInstance({
      definitionId: "password-reset",
      requester: "alice",
    });
    const [task] = await openTasks(harness, started.instance.id);
    await harness.runtime.claimTask({ taskId: task!.id, by: "bob" });
    // when
    const stale = harness.runtime.completeTask({ taskId: task!.id, by: "carol", expectedVersion: 1 });
    // then
    await expect(stale).rejects.toMatchObject({ code: "FD6409" });
    const claimed = await harness.store.transaction((tx) => tx.tasks.get(task!.id));
    expect(claimed).toMatchObject({ state: "claimed", assigneeUser: "bob", version: 2 });
  });

  it("keeps running requests on their version and starts new ones on the newest", async () => {
    // given a v1 request waiting at its first task
    const onV1 = await harness.runtime.startInstance({ definitionId: "password-reset", requester: "alice" });
    // when v2 (without the reset step) is published
    const v2: WorkflowDefinition = {
      ...definition,
      title: "Password reset (self-service)",
      nodes: definition.nodes.filter((node) => node.id !== "reset"),
      edges: [
        { id: "e1", source: "start", target: "verify" },
        { id: "e2", source: "verify", target: "end" },
      ],
    };
    const published = await harness.runtime.publishDefinition(v2, "owner");
    const onV2 = await harness.runtime.startInstance({ definitionId: "password-reset", requester: "dave" });
    // then the v1 request still walks v1's graph
    const [verifyV1] = await openTasks(harness, onV1.instance.id);
    await harness.runtime.completeTask({ taskId: verifyV1!.id, by: "bob" });
    const [resetV1] = await openTasks(harness, onV1.instance.id);
    expect(resetV1?.nodeId).toBe("reset");
    const doneV1 = await harness.runtime.completeTask({ taskId: resetV1!.id, by: "bob" });
    expect(doneV1.instance).toMatchObject({ status: "completed", definitionVersion: 1 });
    // and the new request runs v2
    expect(published.version).toBe(2);
    expect(onV2.instance).toMatchObject({ definitionVersion: 2, definitionHash: published.contentHash });
    const [verifyV2] = await openTasks(harness, onV2.instance.id);
    const doneV2 = await harness.runtime.completeTask({ taskId: verifyV2!.id, by: "bob" });
    expect(doneV2.instance.status).toBe("completed");
  });

  it("cancels a request and its open tasks", async () => {
    // given
    const started = await harness.runtime.startInstance({
      definitionId: "password-reset",
      requester: "alice",
    });
    // when
    const cancelled = await harness.runtime.cancelInstance({
      instanceId: started.instance.id,
      by: "alice",
      reason: "solved",
    });
    // then
    expect(cancelled.instance.status).toBe("cancelled");
    expect(await openTasks(harness, started.instance.id)).toEqual([]);
  });

  it("leaves an approval open when the decision is refused, and records the one that counts", async () => {
    // given an approval that needs a comment to reject
    await harness.runtime.publishDefinition(accessRequest as unknown as WorkflowDefinition);
    const started = await harness.runtime.startInstance({
      definitionId: "access-request",
      requester: "alice",
    });
    const [approval] = await openTasks(harness, started.instance.id);
    // when the manager rejects without a comment, then with one
    const bare = harness.runtime.decideApproval({
      taskId: approval!.id,
      by: "manager",
      decision: "rejected",
    });
    await expect(bare).rejects.toBeInstanceOf(FlowdeskError);
    const stillOpen = await harness.store.transaction((tx) => tx.tasks.get(approval!.id));
    const decided = await harness.runtime.decideApproval({
      taskId: approval!.id,
      by: "manager",
      decision: "rejected",
      comment: "not needed for this role",
    });
    // then
    expect(stillOpen).toMatchObject({ state: "open", version: 1 });
    expect(decided.instance.status).toBe("completed");
    expect(await harness.store.transaction((tx) => tx.tasks.get(approval!.id))).toMatchObject({
      state: "completed",
      outcome: "rejected",
      completedBy: "manager",
      data: { comment: "not needed for this role" },
    });
  });

  it("says clearly when the workflow was never published", async () => {
    // given / when
    const start = harness.runtime.startInstance({ definitionId: "no-such-flow", requester: "alice" });
    // then
    await expect(start).rejects.toMatchObject({ code: "FD6406", kind: "user" });
  });
});
