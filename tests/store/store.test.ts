import type { InstanceRecord, JobRecord, TaskRecord } from "@flowdesk/engine";
import { contentHash, migrationNames, openStore, type SqlStore } from "@flowdesk/store";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import passwordReset from "./fixtures/password-reset.workflow.json" with { type: "json" };
import records from "./fixtures/records.json" with { type: "json" };
import { type OpenedStore, storeBackends } from "./store-backends.ts";

const instance = (): InstanceRecord => structuredClone(records.instance) as InstanceRecord;
const task = (patch: Partial<TaskRecord> = {}): TaskRecord =>
  ({ ...structuredClone(records.task), ...patch }) as TaskRecord;
const job = (patch: Partial<JobRecord> = {}): JobRecord =>
  ({ ...structuredClone(records.job), ...patch }) as JobRecord;

describe.each(storeBackends())("store on $name", (backend) => {
  let opened: OpenedStore;
  let store: SqlStore;

  beforeEach(async () => {
    opened = await backend.open();
    store = opened.store;
  });

  afterEach(async () => {
    await opened.dispose();
  });

  it("publishes immutable, numbered versions keyed by the hash of the canonical JSON", async () => {
    // given a published definition
    const first = await store.transaction((tx) =>
      tx.definitions.publish({
        definitionId: "password-reset",
        kind: "workflow",
        content: passwordReset,
        publishedAt: "2026-01-05T09:00:00.000Z",
      }),
    );
    // when the same content is published with keys reordered, then a changed version
    const reordered = Object.fromEntries(Object.entries(passwordReset).reverse());
    const again = await store.transaction((tx) =>
      tx.definitions.publish({
        definitionId: "password-reset",
        kind: "workflow",
        content: reordered,
        publishedAt: "2026-01-05T10:00:00.000Z",
      }),
    );
    const second = await store.transaction((tx) =>
      tx.definitions.publish({
        definitionId: "password-reset",
        kind: "workflow",
        content: { ...passwordReset, title: "Password reset v2" },
        publishedAt: "2026-01-05T11:00:00.000Z",
      }),
    );
    // then
    expect(first.version).toBe(1);
    expect(first.contentHash).toBe(contentHash(passwordReset));
    expect(again.version).toBe(1);
    expect(second.version).toBe(2);
    const versions = await store.transaction((tx) => tx.definitions.listVersions("password-reset"));
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
    expect((versions[0]?.content as { title: string } | undefined)?.title).toBe("Password reset");
    const latest = await store.transaction((tx) => tx.definitions.latestPublished("password-reset"));
    expect(latest?.version).toBe(2);
  });

  it("keeps one draft per definition, replaced on save", async () => {
    // given
    await store.transaction((tx) =>
      tx.definitions.saveDraft({
        definitionId: "password-reset",
        kind: "workflow",
        content: passwordReset,
        updatedAt: "2026-01-05T09:00:00.000Z",
        updatedBy: "owner",
      }),
    );
    // when
    await store.transaction((tx) =>
      tx.definitions.saveDraft({
        definitionId: "password-reset",
        kind: "workflow",
        content: { ...passwordReset, title: "Draft 2" },
        updatedAt: "2026-01-05T10:00:00.000Z",
        updatedBy: "owner",
      }),
    );
    // then
    const draft = await store.transaction((tx) => tx.definitions.getDraft("password-reset"));
    expect((draft?.content as { title: string } | undefined)?.title).toBe("Draft 2");
  });

  it("updates an instance only at the expected version", async () => {
    // given
    await store.transaction((tx) => tx.instances.insert(instance()));
    // when
    const fresh = await store.transaction((tx) =>
      tx.instances.update("inst-1", 1, {
        status: "completed",
        state: { done: true },
        updatedAt: "2026-01-05T10:00:00.000Z",
      }),
    );
    const stale = await store.transaction((tx) =>
      tx.instances.update("inst-1", 1, {
        status: "cancelled",
        state: {},
        updatedAt: "2026-01-05T11:00:00.000Z",
      }),
    );
    // then
    expect(fresh).toBe(true);
    expect(stale).toBe(false);
    const stored = await store.transaction((tx) => tx.instances.get("inst-1"));
    expect(stored).toMatchObject({
      status: "completed",
      version: 2,
      state: { done: true },
      businessKey: "INC-1",
    });
    expect(await store.transaction((tx) => tx.instances.findByBusinessKey("INC-1"))).toHaveLength(1);
  });

  it("rolls back every write of a transaction that throws", async () => {
    // given / when
    const attempt = store.transaction(async (tx) => {
      await tx.instances.insert(instance());
      await tx.history.append([
        {
          instanceId: "inst-1",
          type: "instance.started",
          nodeId: null,
          tokenId: null,
          actor: null,
          data: null,
          at: "2026-01-05T09:00:00.000Z",
        },
      ]);
      throw new Error("boom");
    });
    // then
    await expect(attempt).rejects.toThrow("boom");
    expect(await store.transaction((tx) => tx.instances.get("inst-1"))).toBeUndefined();
    expect(await store.transaction((tx) => tx.history.listAfter(0, 10))).toEqual([]);
  });

  it("commits concurrent transactions independently: one that throws rolls back alone", async () => {
    // given ten transactions in flight at once (on SQLite they share one group commit)
    const attempts = Array.from({ length: 10 }, (_, i) =>
      store.transaction(async (tx) => {
        await tx.instances.insert({ ...instance(), id: `inst-${i}` });
        if (i === 4) throw new Error("step failed");
        return i;
      }),
    );
    // when
    const outcomes = await Promise.allSettled(attempts);
    // then
    expect(outcomes.map((outcome) => outcome.status)).toEqual(
      Array.from({ length: 10 }, (_, i) => (i === 4 ? "rejected" : "fulfilled")),
    );
    expect(await store.transaction((tx) => tx.instances.get("inst-4"))).toBeUndefined();
    expect(await store.transaction((tx) => tx.instances.countByStatus("running"))).toBe(9);
  });

  it("refuses a second open task for the same token and node", async () => {
    // given
    await store.transaction((tx) => tx.tasks.insert([task()]));
    // when
    const duplicate = store.transaction((tx) => tx.tasks.insert([task({ id: "task-2" })]));
    // then
    await expect(duplicate).rejects.toThrow();
    const completed = await store.transaction((tx) =>
      tx.tasks.complete("task-1", 1, {
        outcome: "done",
        data: { note: "ok" },
        completedBy: "alice",
        at: "2026-01-05T10:00:00.000Z",
      }),
    );
    expect(completed).toBe(true);
    await store.transaction((tx) => tx.tasks.insert([task({ id: "task-3" })]));
    const tasks = await store.transaction((tx) => tx.tasks.listByInstance("inst-1"));
    expect(tasks.map((t) => [t.id, t.state])).toEqual([
      ["task-1", "completed"],
      ["task-3", "open"],
    ]);
  });

  it("completes a task once: a stale version changes nothing", async () => {
    // given
    await store.transaction((tx) => tx.tasks.insert([task()]));
    const at = "2026-01-05T10:00:00.000Z";
    // when
    const first = await store.transaction((tx) =>
      tx.tasks.complete("task-1", 1, { outcome: "done", data: null, completedBy: "alice", at }),
    );
    const second = await store.transaction((tx) =>
      tx.tasks.complete("task-1", 1, { outcome: "done", data: null, completedBy: "bob", at }),
    );
    // then
    expect([first, second]).toEqual([true, false]);
    expect(await store.transaction((tx) => tx.tasks.get("task-1"))).toMatchObject({
      completedBy: "alice",
      version: 2,
    });
  });

  it("lists a group's open tasks for its inbox", async () => {
    // given
    await store.transaction((tx) =>
      tx.tasks.insert([task(), task({ id: "task-2", tokenId: "tok-2", assigneeGroup: "network" })]),
    );
    // when
    const inbox = await store.transaction((tx) => tx.tasks.listOpen({ assigneeGroups: ["service-desk"] }));
    // then
    expect(inbox.map((t) => t.id)).toEqual(["task-1"]);
  });

  it("claims due jobs with a lease, and again once a crashed worker's lease expires", async () => {
    // given a due job, a job due later and a cancelled one
    await store.transaction((tx) =>
      tx.jobs.insert([
        job(),
        job({ id: "job-2", dueAt: "2026-01-05T12:00:00.000Z" }),
        job({ id: "job-3", status: "cancelled" }),
      ]),
    );
    // when worker A claims at 10:30 and worker B tries right after
    const byA = await store.transaction((tx) =>
      tx.jobs.claimDue({
        owner: "A",
        now: "2026-01-05T10:30:00.000Z",
        leaseUntil: "2026-01-05T10:31:00.000Z",
        limit: 10,
      }),
    );
    const byB = await store.transaction((tx) =>
      tx.jobs.claimDue({
        owner: "B",
        now: "2026-01-05T10:30:30.000Z",
        leaseUntil: "2026-01-05T10:31:30.000Z",
        limit: 10,
      }),
    );
    // and B tries again after A's lease expired
    const afterExpiry = await store.transaction((tx) =>
      tx.jobs.claimDue({
        owner: "B",
        now: "2026-01-05T10:32:00.000Z",
        leaseUntil: "2026-01-05T10:33:00.000Z",
        limit: 10,
      }),
    );
    // then
    expect(byA.map((j) => [j.id, j.leaseOwner, j.attempts, j.status])).toEqual([
      ["job-1", "A", 1, "running"],
    ]);
    expect(byB).toEqual([]);
    expect(afterExpiry.map((j) => [j.id, j.leaseOwner, j.attempts])).toEqual([["job-1", "B", 2]]);
    expect(await store.transaction((tx) => tx.jobs.markDone("job-1", "2026-01-05T10:32:01.000Z"))).toBe(true);
    expect(await store.transaction((tx) => tx.jobs.markDone("job-1", "2026-01-05T10:32:02.000Z"))).toBe(
      false,
    );
    expect(await store.transaction((tx) => tx.jobs.nextDueAt())).toBe("2026-01-05T12:00:00.000Z");
  });

  it("gives concurrent claimers disjoint jobs", async () => {
    // given twenty due jobs
    await store.transaction((tx) =>
      tx.jobs.insert(
        Array.from({ length: 20 }, (_, i) =>
          job({ id: `job-${i}`, dueAt: `2026-01-05T10:00:${String(i).padStart(2, "0")}.000Z` }),
        ),
      ),
    );
    // when four workers claim five each at the same time
    const claims = await Promise.all(
      ["A", "B", "C", "D"].map((owner) =>
        store.transaction((tx) =>
          tx.jobs.claimDue({
            owner,
            now: "2026-01-05T11:00:00.000Z",
            leaseUntil: "2026-01-05T11:01:00.000Z",
            limit: 5,
          }),
        ),
      ),
    );
    // then every job is claimed exactly once
    const ids = claims.flat().map((j) => j.id);
    expect(ids).toHaveLength(20);
    expect(new Set(ids).size).toBe(20);
  });

  it("reschedules, fails and requeues a job through its retry columns", async () => {
    // given a claimed job
    await store.transaction((tx) => tx.jobs.insert([job()]));
    await store.transaction((tx) =>
      tx.jobs.claimDue({
        owner: "A",
        now: "2026-01-05T10:30:00.000Z",
        leaseUntil: "2026-01-05T10:31:00.000Z",
        limit: 1,
      }),
    );
    // when
    await store.transaction((tx) =>
      tx.jobs.reschedule("job-1", {
        dueAt: "2026-01-05T10:35:00.000Z",
        lastError: "timeout",
        at: "2026-01-05T10:30:05.000Z",
      }),
    );
    const rescheduled = await store.transaction((tx) => tx.jobs.get("job-1"));
    await store.transaction((tx) =>
      tx.jobs.markFailed("job-1", { lastError: "gave up", at: "2026-01-05T10:40:00.000Z" }),
    );
    const failed = await store.transaction((tx) => tx.jobs.get("job-1"));
    await store.transaction((tx) =>
      tx.jobs.requeue("job-1", { dueAt: "2026-01-05T11:00:00.000Z", at: "2026-01-05T11:00:00.000Z" }),
    );
    const requeued = await store.transaction((tx) => tx.jobs.get("job-1"));
    // then
    expect(rescheduled).toMatchObject({
      status: "pending",
      attempts: 1,
      lastError: "timeout",
      leaseOwner: null,
    });
    expect(failed).toMatchObject({ status: "failed", lastError: "gave up" });
    expect(requeued).toMatchObject({ status: "pending", attempts: 0, dueAt: "2026-01-05T11:00:00.000Z" });
  });

  it("numbers history with one global, increasing sequence and links outbox rows to it", async () => {
    // given
    const entry = (instanceId: string, type: string) => ({
      instanceId,
      type,
      nodeId: null,
      tokenId: null,
      actor: "alice",
      data: { n: 1 },
      at: "2026-01-05T09:00:00.000Z",
    });
    // when
    const first = await store.transaction((tx) =>
      tx.history.append([entry("a", "instance.started"), entry("b", "instance.started")]),
    );
    const second = await store.transaction((tx) => tx.history.append([entry("a", "task.created")]));
    const outbox = await store.transaction((tx) =>
      tx.outbox.insert([
        {
          historySeq: second[0] ?? null,
          topic: "instance.changed",
          instanceId: "a",
          payload: { x: 1 },
          createdAt: "2026-01-05T09:00:00.000Z",
        },
      ]),
    );
    // then
    const seqs = [...first, ...second];
    expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
    expect(new Set(seqs).size).toBe(3);
    const forA = await store.transaction((tx) => tx.history.listByInstance("a"));
    expect(forA.map((h) => h.type)).toEqual(["instance.started", "task.created"]);
    expect(await store.transaction((tx) => tx.history.listAfter(first[1] ?? 0, 10))).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ historySeq: second[0], publishedAt: null, payload: { x: 1 } });
    await store.transaction((tx) =>
      tx.outbox.markPublished([outbox[0]?.id ?? -1], "2026-01-05T09:00:01.000Z"),
    );
    expect(await store.transaction((tx) => tx.outbox.listPending(10))).toEqual([]);
  });

  it("records incidents and resolves an open one once for a retry", async () => {
    // given
    await store.transaction((tx) =>
      tx.incidents.insert({
        id: "inc-1",
        instanceId: "inst-1",
        nodeId: "call-cmdb",
        tokenId: "tok-1",
        jobId: "job-1",
        error: { code: "FD5022", kind: "operational", message: "CMDB unreachable", retryable: true },
        status: "open",
        retryCount: 0,
        createdAt: "2026-01-05T09:00:00.000Z",
        resolvedAt: null,
      }),
    );
    // when
    const first = await store.transaction((tx) =>
      tx.incidents.resolveForRetry("inc-1", "2026-01-05T10:00:00.000Z"),
    );
    const second = await store.transaction((tx) =>
      tx.incidents.resolveForRetry("inc-1", "2026-01-05T10:00:01.000Z"),
    );
    // then
    expect([first, second]).toEqual([true, false]);
    expect(await store.transaction((tx) => tx.incidents.get("inc-1"))).toMatchObject({
      status: "resolved",
      retryCount: 1,
      error: { code: "FD5022" },
    });
  });
});

describe("store migrations", () => {
  it("are numbered and apply once: reopening a store changes nothing", async () => {
    // given
    const { mkdtempSync, rmSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const dataDir = mkdtempSync(join(tmpdir(), "flowdesk-migrate-"));
    const first = await openStore({ dataDir });
    await first.transaction((tx) => tx.instances.insert(instance()));
    await first.close();
    // when
    const second = await openStore({ dataDir });
    // then
    expect(migrationNames().every((name) => /^\d{4}_[a-z_]+$/.test(name))).toBe(true);
    expect(await second.transaction((tx) => tx.instances.get("inst-1"))).toMatchObject({ id: "inst-1" });
    await second.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
});
