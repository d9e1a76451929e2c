import type { WorkflowDefinition } from "@flowdesk/core";
import { JobRunner } from "@flowdesk/engine";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { storeBackends } from "../../store/store-backends.ts";
import majorIncident from "./fixtures/major-incident.workflow.json" with { type: "json" };
import vendorEscalation from "./fixtures/vendor-escalation.workflow.json" with { type: "json" };
import { openRuntime, openTasks, type RuntimeHarness } from "./runtime-harness.ts";

describe.each(storeBackends())("messages and subprocesses on $name", (backend) => {
  let harness: RuntimeHarness;
  let runner: JobRunner;

  beforeEach(async () => {
    harness = await openRuntime(backend);
    runner = new JobRunner({ runtime: harness.runtime, owner: "runner-1" });
    await harness.runtime.publishDefinition(vendorEscalation as unknown as WorkflowDefinition);
    await harness.runtime.publishDefinition(majorIncident as unknown as WorkflowDefinition);
  });

  afterEach(async () => {
    await harness.dispose();
  });

  it("delivers a message to the request waiting for it with that correlation key", async () => {
    // given two requests waiting for the vendor, found by business key
    const first = await harness.runtime.startInstance({
      definitionId: "vendor-escalation",
      requester: "alice",
      data: { ticket: "V-1" },
      businessKey: "INC-7",
    });
    await harness.runtime.startInstance({
      definitionId: "vendor-escalation",
      requester: "alice",
      data: { ticket: "V-2" },
      businessKey: "INC-7",
    });
    // when
    const delivered = await harness.runtime.deliverMessage({
      message: "vendor-replied",
      correlationKey: "V-1",
      businessKey: "INC-7",
      data: { answer: "patch available" },
    });
    // then
    expect(delivered.instance).toMatchObject({ id: first.instance.id, status: "completed" });
    await expect(
      harness.runtime.deliverMessage({
        message: "vendor-replied",
        correlationKey: "V-1",
        businessKey: "INC-7",
      }),
    ).rejects.toMatchObject({ code: "FD6408" });
  });

  it("starts a subprocess through the job runner and resumes the parent when the child ends", async () => {
    // given a major incident that escalates to the vendor as a child request
    const parent = await harness.runtime.startInstance({
      definitionId: "major-incident",
      requester: "alice",
      data: { number: "INC-42" },
    });
    // when the runner starts the child, the vendor replies, and the runner reports back
    await runner.drain();
    const waiting = await harness.store.transaction((tx) => tx.instances.get(parent.instance.id));
    const [childId] = Object.keys(
      (waiting?.state as { subprocesses?: Record<string, unknown> } | undefined)?.subprocesses ?? {},
    );
    const child = await harness.store.transaction((tx) => tx.instances.get(childId ?? "none"));
    expect(child).toMatchObject({ definitionId: "vendor-escalation", parentInstanceId: parent.instance.id });
    await harness.runtime.deliverMessage({
      message: "vendor-replied",
      correlationKey: "INC-42",
      instanceId: child!.id,
      data: { answer: "patch available" },
    });
    await runner.drain();
    // then the parent moved on with the child's answer
    const [review] = await openTasks(harness, parent.instance.id);
    expect(review?.nodeId).toBe("review");
    const stored = await harness.store.transaction((tx) => tx.instances.get(parent.instance.id));
    expect(
      (stored?.state as { variables?: Record<string, unknown> } | undefined)?.variables?.vendorAnswer,
    ).toBe("patch available");
  });
});
