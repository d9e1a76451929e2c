import type { WorkflowDefinition } from "@flowdesk/core";
import { JobRunner } from "@flowdesk/engine";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { storeBackends } from "../../store/store-backends.ts";
import { CmdbStub } from "./cmdb-stub.ts";
import cmdbLookup from "./fixtures/cmdb-lookup.workflow.json" with { type: "json" };
import followUp from "./fixtures/follow-up.workflow.json" with { type: "json" };
import { openRuntime, openTasks, type RuntimeHarness } from "./runtime-harness.ts";

const HOUR = 3_600_000;

describe.each(storeBackends())("job runner on $name", (backend) => {
  let harness: RuntimeHarness;
  let runner: JobRunner;
  let stub: CmdbStub;

  beforeEach(async () => {
    harness = await openRuntime(backend);
    runner = new JobRunner({ runtime: harness.runtime, owner: "runner-1", leaseMs: 30_000 });
    stub = new CmdbStub();
    await stub.start();
    await harness.runtime.publishDefinition(followUp as unknown as WorkflowDefinition);
    await harness.runtime.publishDefinition(cmdbLookup as unknown as WorkflowDefinition);
  });

  afterEach(async () => {
    await stub.stop();
    await harness.dispose();
  });

  it("fires a timer once it is due on the controlled clock, and only once", async () => {
    // given a request waiting on a one-hour timer
    const started = await harness.runtime.startInstance({ definitionId: "follow-up", requester: "alice" });
    // when the runner runs before and after the hour
    const early = await runner.drain();
    harness.clock.advance(HOUR);
    const due = await runner.drain();
    const again = await runner.drain();
    // then
    expect(early.claimed).toBe(0);
    expect(due).toMatchObject({ claimed: 1, committed: 1 });
    expect(again.claimed).toBe(0);
    const tasks = await openTasks(harness, started.instance.id);
    expect(tasks.map((task) => [task.nodeId, task.assigneeUser])).toEqual([["confirm", "alice"]]);
    const history = await harness.store.transaction((tx) => tx.history.listByInstance(started.instance.id));
    expect(history.filter((entry) => entry.type === "timer.fired")).toHaveLength(1);
  });

  it("fires a timer whose runner crashed after claiming it, once its lease expired", async () => {
    // given the timer was claimed by a runner that then died
    const started = await harness.runtime.startInstance({ definitionId: "follow-up", requester: "alice" });
    harness.clock.advance(HOUR);
    const now = harness.runtime.now();
    await harness.store.transaction((tx) =>
      tx.jobs.claimDue({
        owner: "crashed",
        now,
        leaseUntil: new Date(Date.parse(now) + 30_000).toISOString(),
        limit: 10,
      }),
    );
    // when another runner looks before and after the lease ran out
    const duringLease = await runner.drain();
    harness.clock.advance(31_000);
    const afterLease = await runner.drain();
    // then
    expect(duringLease.claimed).toBe(0);
    expect(afterLease).toMatchObject({ claimed: 1, committed: 1 });
    expect((await openTasks(harness, started.instance.id)).map((task) => task.nodeId)).toEqual(["confirm"]);
  });

  it("calls the service with an Idempotency-Key and maps the response into variables", async () => {
    // given
    const started = await harness.runtime.startInstance({
      definitionId: "cmdb-lookup",
      requester: "alice",
      data: { cmdbUrl: stub.url },
    });
    // when
    await runner.drain();
    // then
    expect(stub.calls).toHaveLength(1);
    expect(stub.calls[0]?.idempotencyKey).toMatch(/.+/);
    expect(JSON.parse(stub.calls[0]?.body ?? "{}")).toEqual({ requester: "alice" });
    const instance = await harness.store.transaction((tx) => tx.instances.get(started.instance.id));
    expect((instance?.state as { variables?: Record<string, unknown> } | undefined)?.variables?.owner).toBe(
      "network-team",
    );
    expect((await openTasks(harness, started.instance.id)).map((task) => task.nodeId)).toEqual(["triage"]);
  });

  it("retries a failing service with back-off, opens an incident after the last attempt, and resumes on retry", async () => {
    // given a CMDB that answers 503
    stub.mode = "error";
    const started = await harness.runtime.startInstance({
      definitionId: "cmdb-lookup",
      requester: "alice",
      data: { cmdbUrl: stub.url },
    });
    // when the runner works through the back-offs (1 s, then 2 s)
    await runner.drain();
    const afterFirst = stub.calls.length;
    harness.clock.advance(999);
    await runner.drain();
    const beforeBackoff = stub.calls.length;
    harness.clock.advance(1);
    await runner.drain();
    harness.clock.advance(2000);
    await runner.drain();
    // then three attempts with one idempotency key, and an open incident
    expect([afterFirst, beforeBackoff, stub.calls.length]).toEqual([1, 1, 3]);
    expect(new Set(stub.calls.map((call) => call.idempotencyKey)).size).toBe(1);
    const [incident] = await harness.store.transaction((tx) =>
      tx.incidents.listByInstance(started.instance.id),
    );
    expect(incident).toMatchObject({ status: "open", nodeId: "lookup", error: { code: "FD5022" } });
    expect(await openTasks(harness, started.instance.id)).toEqual([]);

    // when the CMDB is back and an admin retries the incident
    stub.mode = "ok";
    await harness.runtime.retryIncident({ incidentId: incident!.id, by: "admin" });
    await runner.drain();
    // then the request goes on, and the incident is resolved
    expect((await openTasks(harness, started.instance.id)).map((task) => task.nodeId)).toEqual(["triage"]);
    const [resolved] = await harness.store.transaction((tx) =>
      tx.incidents.listByInstance(started.instance.id),
    );
    expect(resolved).toMatchObject({ status: "resolved", retryCount: 1 });
    await expect(
      harness.runtime.retryIncident({ incidentId: incident!.id, by: "admin" }),
    ).rejects.toMatchObject({
      code: "FD6409",
    });
  });

  it("treats a call slower than its timeout as a failed attempt", async () => {
    // given a CMDB slower than the 1.5 s timeout
    stub.mode = "slow";
    const started = await harness.runtime.startInstance({
      definitionId: "cmdb-lookup",
      requester: "alice",
      data: { cmdbUrl: stub.url },
    });
    // when
    await runner.drain();
    // then the attempt is recorded as timed out and a retry is scheduled
    const history = await harness.store.transaction((tx) => tx.history.listByInstance(started.instance.id));
    const responded = history.find((entry) => entry.type === "http.responded");
    expect((responded?.data as { error?: string } | null)?.error).toMatch(/timed out after 1500 ms/);
    const jobs = await harness.store.transaction((tx) => tx.jobs.listByInstance(started.instance.id));
    expect(jobs.filter((job) => job.status === "pending")).toHaveLength(1);
  });

  it("turns a job that keeps failing into an incident on its instance, which a retry re-queues", async () => {
    // given a job of a kind no runner knows, with two attempts
    const started = await harness.runtime.startInstance({ definitionId: "follow-up", requester: "alice" });
    const now = harness.runtime.now();
    await harness.store.transaction((tx) =>
      tx.jobs.insert([
        {
          id: "job-odd",
          kind: "mystery",
          instanceId: started.instance.id,
          nodeId: "wait",
          tokenId: null,
          status: "pending",
          dueAt: now,
          payload: {},
          attempts: 0,
          maxAttempts: 2,
          lastError: null,
          leaseOwner: null,
          leaseExpiresAt: null,
          idempotencyKey: null,
          createdAt: now,
          updatedAt: now,
        },
      ]),
    );
    // when
    const first = await runner.drain();
    harness.clock.advance(1000);
    const second = await runner.drain();
    // then
    expect([first.failed, second.failed]).toEqual([1, 1]);
    const job = await harness.store.transaction((tx) => tx.jobs.get("job-odd"));
    expect(job).toMatchObject({ status: "failed", attempts: 2 });
    expect(job?.lastError).toMatch(/No runner for job kind "mystery"/);
    const [incident] = await harness.store.transaction((tx) =>
      tx.incidents.listByInstance(started.instance.id),
    );
    expect(incident).toMatchObject({ status: "open", jobId: "job-odd" });
    await harness.runtime.retryIncident({ incidentId: incident!.id, by: "admin" });
    expect(await harness.store.transaction((tx) => tx.jobs.get("job-odd"))).toMatchObject({
      status: "pending",
      attempts: 0,
    });
  });
});
