import {
  type Effect,
  type EngineEvent,
  type InstanceState,
  isRejection,
  type SlaPolicy,
  upgradeInstanceState,
  type WorkflowDefinition,
} from "@flowdesk/core";
import { step as coreStep } from "../core/step.ts";
import { writeEffects } from "./effects/write-effects.ts";
import { conflictError, isConflict, notFound, RUNTIME_ERRORS } from "./runtime-errors.ts";
import { defaultNewId, type EngineStep, type RuntimeOptions } from "./runtime-options.ts";
import type {
  HistoryRecord,
  InstanceRecord,
  JobRecord,
  NewHistoryRecord,
  NewOutboxRecord,
  OutboxRecord,
  Store,
  StoreTransaction,
} from "./store-port.ts";

/** What a committed command produced. Push `outbox` to live clients after the commit. */
export interface CommandResult {
  instance: InstanceRecord;
  effects: Effect[];
  history: HistoryRecord[];
  outbox: OutboxRecord[];
}

export interface StartInstanceInput {
  definitionId: string;
  requester: string;
  data?: Record<string, unknown>;
  businessKey?: string;
  /** Pin a published version; default is the newest. */
  version?: number;
  /** Chosen by the caller when it must know the id before commit (subprocesses, retries). */
  instanceId?: string;
  parent?: { instanceId: string; tokenId: string };
}

/**
 * What every runtime command shares: one transaction with conflict re-runs, loading,
 * stepping the core, writing state at the expected version, effects, history and the
 * outbox row. The commands themselves are in workflow-runtime.ts.
 */
export abstract class RuntimeKernel {
  readonly store: Store;
  protected readonly step: EngineStep;
  protected readonly clock: () => Date;
  readonly newId: (prefix: string) => string;
  protected readonly conflictRetries: number;
  /** Published versions are immutable, so a parsed definition is cached for good. */
  private readonly definitions = new Map<string, WorkflowDefinition>();

  constructor(options: RuntimeOptions) {
    this.store = options.store;
    this.step = options.step ?? coreStep;
    this.clock = options.now ?? (() => new Date());
    this.newId = options.newId ?? defaultNewId;
    this.conflictRetries = options.conflictRetries ?? 3;
  }

  now(): string {
    return this.clock().toISOString();
  }

  /** Runs one transaction; re-runs it when it lost an instance-version race that a fresh read may win. */
  protected async command<T>(work: (tx: StoreTransaction) => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.store.transaction(work);
      } catch (error) {
        if (!(isConflict(error) && error.retryable && attempt < this.conflictRetries)) throw error;
      }
    }
  }

  protected jobCommand(
    input: { jobId: string; leaseOwner?: string },
    work: (tx: StoreTransaction, job: JobRecord, instance: InstanceRecord) => Promise<CommandResult>,
  ): Promise<CommandResult | undefined> {
    return this.command(async (tx) => {
      const job = await this.takeJob(tx, input.jobId, input.leaseOwner);
      if (job === undefined || job.instanceId === null) return undefined;
      const instance = await tx.instances.get(job.instanceId);
      if (instance === undefined || instance.status !== "running") return undefined;
      try {
        return await work(tx, job, instance);
      } catch (error) {
        // A job the instance no longer expects (its step was left meanwhile) is simply spent.
        if (isRejection(error)) return undefined;
        throw error;
      }
    });
  }

  /** Marks a job done if it is still live and ours; undefined when someone else has it or it was cancelled. */
  protected async takeJob(
    tx: StoreTransaction,
    jobId: string,
    leaseOwner?: string,
  ): Promise<JobRecord | undefined> {
    const job = await tx.jobs.get(jobId);
    if (job === undefined) return undefined;
    if (leaseOwner !== undefined && job.leaseOwner !== leaseOwner) return undefined;
    if (!(await tx.jobs.markDone(job.id, this.now()))) return undefined;
    return job;
  }

  protected async advanceUnlessRejected(
    tx: StoreTransaction,
    instance: InstanceRecord,
    event: EngineEvent,
  ): Promise<CommandResult | undefined> {
    try {
      return await this.advance(tx, instance, event, null);
    } catch (error) {
      if (isRejection(error)) return undefined;
      throw error;
    }
  }

  protected async startIn(tx: StoreTransaction, input: StartInstanceInput): Promise<CommandResult> {
    const version = input.version ?? (await tx.definitions.latestVersion(input.definitionId))?.version;
    if (version === undefined) {
      throw notFound(
        RUNTIME_ERRORS.definitionNotFound,
        `Workflow "${input.definitionId}" has no published version; publish it before starting requests.`,
      );
    }
    const published = await this.definitionAt(tx, input.definitionId, version);
    const now = this.now();
    const instanceId = input.instanceId ?? this.newId("instance");
    const event: EngineEvent = {
      type: "instance.start",
      instanceId,
      requester: input.requester,
      ...(input.data === undefined ? {} : { data: input.data }),
      ...(input.parent === undefined ? {} : { parent: input.parent }),
    };
    const result = this.step(
      published.definition,
      null,
      event,
      await this.stepContext(tx, published.definition),
    );
    const instance: InstanceRecord = {
      id: instanceId,
      definitionId: input.definitionId,
      definitionVersion: version,
      definitionHash: published.contentHash,
      status: result.state.status,
      state: result.state,
      version: 1,
      businessKey: input.businessKey ?? null,
      parentInstanceId: input.parent?.instanceId ?? null,
      createdAt: now,
      updatedAt: now,
    };
    await tx.instances.insert(instance);
    return this.persist(tx, instance, result.state, result.effects, result.history, input.requester);
  }

  /** Steps the instance and writes everything the step produced. */
  protected async advance(
    tx: StoreTransaction,
    instance: InstanceRecord,
    event: EngineEvent,
    actor: string | null,
  ): Promise<CommandResult> {
    const { definition } = await this.definitionAt(tx, instance.definitionId, instance.definitionVersion);
    const state = upgradeInstanceState(instance.state);
    const result = this.step(definition, state, event, await this.stepContext(tx, definition));
    // An event that changed nothing (claiming a task one already holds) writes nothing: same version, no history.
    if (changedNothing(state, result)) return { instance, effects: [], history: [], outbox: [] };
    const now = this.now();
    const saved = await tx.instances.update(instance.id, instance.version, {
      status: result.state.status,
      state: result.state,
      updatedAt: now,
    });
    if (!saved) {
      throw conflictError(
        `Request ${instance.id} was changed by someone else while this change was being made; reload and try again.`,
        true,
        { instanceId: instance.id, version: instance.version },
      );
    }
    const next: InstanceRecord = {
      ...instance,
      status: result.state.status,
      state: result.state,
      version: instance.version + 1,
      updatedAt: now,
    };
    return this.persist(tx, next, result.state, result.effects, result.history, actor);
  }

  protected async persist(
    tx: StoreTransaction,
    instance: InstanceRecord,
    state: InstanceState,
    effects: Effect[],
    entries: {
      at: string;
      type: string;
      nodeId?: string;
      tokenId?: string;
      by?: string;
      data?: Record<string, unknown>;
    }[],
    actor: string | null,
  ): Promise<CommandResult> {
    const now = this.now();
    const effectOutbox = await writeEffects(
      { tx, instanceId: instance.id, state, now, newId: this.newId },
      effects,
    );
    const rows: NewHistoryRecord[] = entries.map((entry) => ({
      instanceId: instance.id,
      type: entry.type,
      nodeId: entry.nodeId ?? null,
      tokenId: entry.tokenId ?? null,
      actor: entry.by ?? actor,
      data: entry.data ?? null,
      at: entry.at,
    }));
    const history = await this.appendHistory(tx, rows);
    const outbox = await tx.outbox.insert([changedRow(instance, history, now), ...effectOutbox]);
    return { instance, effects, history, outbox };
  }

  /** History and outbox for a change the runtime made itself (no step), bumping the instance version. */
  protected async record(
    tx: StoreTransaction,
    instance: InstanceRecord,
    entries: { type: string; nodeId: string | null; tokenId: string | null; data: Record<string, unknown> }[],
    actor: string | null,
  ): Promise<CommandResult> {
    const now = this.now();
    if (
      !(await tx.instances.update(instance.id, instance.version, {
        status: instance.status,
        state: instance.state,
        updatedAt: now,
      }))
    ) {
      throw conflictError(`Request ${instance.id} changed meanwhile; reload and try again.`, true);
    }
    const next = { ...instance, version: instance.version + 1, updatedAt: now };
    const history = await this.appendHistory(
      tx,
      entries.map((entry) => ({ instanceId: instance.id, actor, at: now, ...entry })),
    );
    const outbox = await tx.outbox.insert([changedRow(next, history, now)]);
    return { instance: next, effects: [], history, outbox };
  }

  protected async appendHistory(tx: StoreTransaction, rows: NewHistoryRecord[]): Promise<HistoryRecord[]> {
    const seqs = await tx.history.append(rows);
    return rows.map((row, index) => ({ ...row, seq: seqs[index] ?? 0 }));
  }

  protected async openTask(tx: StoreTransaction, taskId: string, expectedVersion: number | undefined) {
    const task = await tx.tasks.get(taskId);
    if (task === undefined) throw notFound(RUNTIME_ERRORS.taskNotFound, `Task ${taskId} does not exist.`);
    if (task.state === "completed" || task.state === "cancelled") {
      const who = task.completedBy === null ? "" : ` by ${task.completedBy}`;
      throw conflictError(`Task ${taskId} was already ${task.state}${who}; reload your inbox.`, false, {
        taskId,
        state: task.state,
      });
    }
    if (expectedVersion !== undefined && task.version !== expectedVersion) {
      throw conflictError(`Task ${taskId} was changed by someone else; reload it and try again.`, false, {
        taskId,
      });
    }
    return task;
  }

  protected async loadInstance(tx: StoreTransaction, instanceId: string): Promise<InstanceRecord> {
    const instance = await tx.instances.get(instanceId);
    if (instance === undefined)
      throw notFound(RUNTIME_ERRORS.instanceNotFound, `Request ${instanceId} does not exist.`);
    return instance;
  }

  protected async definitionAt(
    tx: StoreTransaction,
    definitionId: string,
    version: number,
  ): Promise<{ definition: WorkflowDefinition; contentHash: string }> {
    const key = `${definitionId}@${version}`;
    const cached = this.definitions.get(key);
    if (cached !== undefined) return { definition: cached, contentHash: hashes.get(cached) ?? "" };
    const published = await tx.definitions.getVersion(definitionId, version);
    if (published === undefined) {
      throw notFound(
        RUNTIME_ERRORS.definitionNotFound,
        `Workflow "${definitionId}" version ${version} does not exist.`,
      );
    }
    const definition = published.content as WorkflowDefinition;
    hashes.set(definition, published.contentHash);
    this.definitions.set(key, definition);
    return { definition, contentHash: published.contentHash };
  }

  protected async stepContext(tx: StoreTransaction, definition: WorkflowDefinition) {
    const context: { now: string; newId: (prefix: string) => string; slaPolicy?: SlaPolicy } = {
      now: this.now(),
      newId: this.newId,
    };
    if (definition.slaPolicy !== undefined) {
      const policy = await tx.definitions.latestPublished(definition.slaPolicy);
      if (policy !== undefined) context.slaPolicy = policy.content as SlaPolicy;
    }
    return context;
  }
}

const hashes = new WeakMap<WorkflowDefinition, string>();

const changedNothing = (
  before: InstanceState,
  result: { state: InstanceState; effects: Effect[]; history: unknown[] },
): boolean =>
  result.effects.length === 0 &&
  result.history.length === 0 &&
  JSON.stringify(result.state) === JSON.stringify(before);

const changedRow = (instance: InstanceRecord, history: HistoryRecord[], now: string): NewOutboxRecord => ({
  historySeq: history.at(-1)?.seq ?? null,
  topic: "instance.changed",
  instanceId: instance.id,
  // The entries themselves are in history (seq range below): the outbox row only says what to push.
  payload: {
    instanceId: instance.id,
    definitionId: instance.definitionId,
    definitionVersion: instance.definitionVersion,
    status: instance.status,
    version: instance.version,
    fromSeq: history[0]?.seq ?? null,
    toSeq: history.at(-1)?.seq ?? null,
    types: history.map((entry) => entry.type),
  },
  createdAt: now,
});
