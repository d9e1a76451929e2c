import {
  type Effect,
  type EngineEvent,
  type HttpResultEvent,
  type InstanceState,
  isRejection,
  type SlaPolicy,
  upgradeInstanceState,
  type WorkflowDefinition,
} from "@flowdesk/core";
import { step as coreStep } from "../core/step.ts";
import { writeEffects } from "./effect-rows.ts";
import { conflictError, isConflict, notFound, RUNTIME_ERRORS } from "./runtime-errors.ts";
import { defaultNewId, type EngineStep, type RuntimeOptions } from "./runtime-options.ts";
import type {
  HistoryRecord,
  InstanceRecord,
  JobRecord,
  NewHistoryRecord,
  NewOutboxRecord,
  OutboxRecord,
  PublishedDefinition,
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
 * Drives the pure engine core through the Store port. Every command is ONE transaction:
 * load the instance, step, write the new state at the expected version, write the
 * effects as task/job/incident/outbox rows and append history. A writer that lost the
 * race gets FD6409; nothing half-done is ever committed.
 */
export class WorkflowRuntime {
  readonly store: Store;
  private readonly step: EngineStep;
  private readonly clock: () => Date;
  readonly newId: (prefix: string) => string;
  private readonly conflictRetries: number;
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

  /** Publishes a definition's next immutable version (unchanged content keeps the current one). */
  publishDefinition(definition: { id: string; kind: string }, by?: string): Promise<PublishedDefinition> {
    return this.store.transaction((tx) =>
      tx.definitions.publish({
        definitionId: definition.id,
        kind: definition.kind,
        content: definition,
        publishedAt: this.now(),
        publishedBy: by ?? null,
      }),
    );
  }

  startInstance(input: StartInstanceInput): Promise<CommandResult> {
    return this.command((tx) => this.startIn(tx, input));
  }

  completeTask(input: {
    taskId: string;
    by: string;
    outcome?: string;
    data?: Record<string, unknown>;
    /** The task version the agent saw; a different one means someone else changed it. */
    expectedVersion?: number;
  }): Promise<CommandResult> {
    return this.command(async (tx) => {
      const task = await this.openTask(tx, input.taskId, input.expectedVersion);
      const instance = await this.loadInstance(tx, task.instanceId);
      const closed = await tx.tasks.complete(task.id, task.version, {
        outcome: input.outcome ?? null,
        data: input.data ?? null,
        completedBy: input.by,
        at: this.now(),
      });
      if (!closed) throw taskTaken(task.id);
      const event: EngineEvent = {
        type: "task.completed",
        taskId: task.id,
        by: input.by,
        ...(input.outcome === undefined ? {} : { outcome: input.outcome }),
        ...(input.data === undefined ? {} : { data: input.data }),
      };
      return this.advance(tx, instance, event, input.by, task.id);
    });
  }

  claimTask(input: { taskId: string; by: string; expectedVersion?: number }): Promise<CommandResult> {
    return this.command(async (tx) => {
      const task = await this.openTask(tx, input.taskId, input.expectedVersion);
      const instance = await this.loadInstance(tx, task.instanceId);
      if (!(await tx.tasks.claim(task.id, task.version, input.by, this.now()))) throw taskTaken(task.id);
      return this.advance(tx, instance, { type: "task.claimed", taskId: task.id, by: input.by }, input.by);
    });
  }

  decideApproval(input: {
    taskId: string;
    by: string;
    decision: "approved" | "rejected";
    comment?: string;
    expectedVersion?: number;
  }): Promise<CommandResult> {
    return this.command(async (tx) => {
      const task = await this.openTask(tx, input.taskId, input.expectedVersion);
      const instance = await this.loadInstance(tx, task.instanceId);
      const event: EngineEvent = {
        type: "approval.decided",
        taskId: task.id,
        by: input.by,
        decision: input.decision,
        ...(input.comment === undefined ? {} : { comment: input.comment }),
      };
      // A rejected decision (e.g. comment required) throws in the step and rolls this back too.
      const closed = await tx.tasks.complete(task.id, task.version, {
        outcome: input.decision,
        data: input.comment === undefined ? null : { comment: input.comment },
        completedBy: input.by,
        at: this.now(),
      });
      if (!closed) throw taskTaken(task.id);
      return this.advance(tx, instance, event, input.by, task.id);
    });
  }

  /** Delivers a message to the instance (by id or business key) whose token waits for it with this key. */
  deliverMessage(input: {
    message: string;
    correlationKey: string;
    data?: Record<string, unknown>;
    instanceId?: string;
    businessKey?: string;
    by?: string;
  }): Promise<CommandResult> {
    return this.command(async (tx) => {
      const candidates =
        input.instanceId !== undefined
          ? [await this.loadInstance(tx, input.instanceId)]
          : input.businessKey !== undefined
            ? await tx.instances.findByBusinessKey(input.businessKey)
            : [];
      const waiting = candidates.find(
        (instance) =>
          instance.status === "running" && awaits(instance.state, input.message, input.correlationKey),
      );
      if (waiting === undefined) {
        throw notFound(
          RUNTIME_ERRORS.messageNotAwaited,
          `No running request waits for message "${input.message}" with key "${input.correlationKey}".`,
        );
      }
      const event: EngineEvent = {
        type: "message.deliver",
        message: input.message,
        correlationKey: input.correlationKey,
        ...(input.data === undefined ? {} : { data: input.data }),
      };
      return this.advance(tx, waiting, event, input.by ?? null);
    });
  }

  cancelInstance(input: { instanceId: string; by: string; reason?: string }): Promise<CommandResult> {
    return this.command(async (tx) => {
      const instance = await this.loadInstance(tx, input.instanceId);
      const event: EngineEvent = {
        type: "instance.cancel",
        by: input.by,
        ...(input.reason === undefined ? {} : { reason: input.reason }),
      };
      return this.advance(tx, instance, event, input.by);
    });
  }

  /**
   * Retries what an incident stopped: an engine incident (a step that failed) is retried
   * by the core; a job that ran out of attempts is put back in the queue.
   */
  retryIncident(input: { incidentId: string; by: string }): Promise<CommandResult> {
    return this.command(async (tx) => {
      const incident = await tx.incidents.get(input.incidentId);
      if (incident === undefined) {
        throw notFound(RUNTIME_ERRORS.incidentNotFound, `Incident ${input.incidentId} does not exist.`);
      }
      if (incident.status !== "open") {
        throw conflictError(
          `Incident ${input.incidentId} was already resolved; reload to see its current state.`,
          false,
        );
      }
      const instance = await this.loadInstance(tx, incident.instanceId);
      const state = upgradeInstanceState(instance.state);
      if (state.incidents[incident.id] !== undefined) {
        return this.advance(
          tx,
          instance,
          { type: "incident.retry", incidentId: incident.id, by: input.by },
          input.by,
        );
      }
      const now = this.now();
      await tx.incidents.resolveForRetry(incident.id, now);
      if (incident.jobId !== null) await tx.jobs.requeue(incident.jobId, { dueAt: now, at: now });
      return this.record(
        tx,
        instance,
        [
          {
            type: "incident.resolved",
            nodeId: incident.nodeId,
            tokenId: incident.tokenId,
            data: { incidentId: incident.id },
          },
        ],
        input.by,
      );
    });
  }

  /**
   * Fires a due timer job: marks it done and steps `job.fired` in one transaction, so a
   * timer fires exactly once however often it is claimed. Returns undefined when there
   * was nothing to do (cancelled, already fired, lease lost, instance ended).
   */
  fireJob(input: { jobId: string; leaseOwner?: string }): Promise<CommandResult | undefined> {
    return this.jobCommand(input, (tx, job, instance) =>
      this.advance(tx, instance, { type: "job.fired", jobId: job.id }, null),
    );
  }

  /** Feeds an HTTP call's outcome back into the instance and closes its job. */
  deliverHttpResult(input: {
    jobId: string;
    leaseOwner?: string;
    result: Omit<HttpResultEvent, "type" | "callId" | "attempt">;
  }): Promise<CommandResult | undefined> {
    return this.jobCommand(input, (tx, job, instance) => {
      const payload = job.payload as { callId: string; attempt: number };
      const event: EngineEvent = {
        type: "http.result",
        callId: payload.callId,
        attempt: payload.attempt,
        ...input.result,
      };
      return this.advance(tx, instance, event, null);
    });
  }

  /** Delivers an event to the job's instance (or another, e.g. a parent) as the job completes. */
  completeJobWith(input: {
    jobId: string;
    leaseOwner?: string;
    instanceId?: string;
    event?: EngineEvent;
    start?: StartInstanceInput;
  }): Promise<CommandResult | undefined> {
    return this.command(async (tx) => {
      const job = await this.takeJob(tx, input.jobId, input.leaseOwner);
      if (job === undefined) return undefined;
      if (input.start !== undefined) {
        const startInput = input.start;
        if (
          startInput.instanceId !== undefined &&
          (await tx.instances.get(startInput.instanceId)) !== undefined
        ) {
          return undefined;
        }
        return this.startIn(tx, startInput);
      }
      const instanceId = input.instanceId ?? job.instanceId;
      if (input.event === undefined || instanceId === null) return undefined;
      const instance = await tx.instances.get(instanceId);
      if (instance === undefined || instance.status !== "running") return undefined;
      return this.advanceUnlessRejected(tx, instance, input.event);
    });
  }

  /**
   * A job failed (HTTP transport aside, which the core handles): retry with exponential
   * back-off while attempts remain, else mark it failed and open an incident on its
   * instance that `retryIncident` can clear.
   */
  recordJobFailure(input: {
    job: JobRecord;
    error: { code: string; message: string };
    backoffMs: number;
  }): Promise<"rescheduled" | "incident"> {
    return this.command(async (tx) => {
      const now = this.now();
      const { job } = input;
      const lastError = `${input.error.code}: ${input.error.message}`;
      if (job.attempts < job.maxAttempts) {
        const delay = input.backoffMs * 2 ** Math.max(0, job.attempts - 1);
        await tx.jobs.reschedule(job.id, {
          dueAt: new Date(this.clock().getTime() + delay).toISOString(),
          lastError,
          at: now,
        });
        return "rescheduled";
      }
      await tx.jobs.markFailed(job.id, { lastError, at: now });
      const instance = job.instanceId === null ? undefined : await tx.instances.get(job.instanceId);
      if (instance === undefined) return "incident";
      const incidentId = this.newId("incident");
      await tx.incidents.insert({
        id: incidentId,
        instanceId: instance.id,
        nodeId: job.nodeId,
        tokenId: job.tokenId,
        jobId: job.id,
        error: { code: input.error.code, kind: "operational", message: input.error.message, retryable: true },
        status: "open",
        retryCount: 0,
        createdAt: now,
        resolvedAt: null,
      });
      await this.record(
        tx,
        instance,
        [
          {
            type: "incident.opened",
            nodeId: job.nodeId,
            tokenId: job.tokenId,
            data: { incidentId, jobId: job.id, error: lastError },
          },
        ],
        null,
      );
      return "incident";
    });
  }

  /* ---- internals ---- */

  /** Runs one transaction; re-runs it when it lost an instance-version race that a fresh read may win. */
  private async command<T>(work: (tx: StoreTransaction) => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.store.transaction(work);
      } catch (error) {
        if (!(isConflict(error) && error.retryable && attempt < this.conflictRetries)) throw error;
      }
    }
  }

  private jobCommand(
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
  private async takeJob(
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

  private async advanceUnlessRejected(
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

  private async startIn(tx: StoreTransaction, input: StartInstanceInput): Promise<CommandResult> {
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
  private async advance(
    tx: StoreTransaction,
    instance: InstanceRecord,
    event: EngineEvent,
    actor: string | null,
    /** A task row this command already completed (its task.close effect needs no second write). */
    closedTaskId?: string,
  ): Promise<CommandResult> {
    const { definition } = await this.definitionAt(tx, instance.definitionId, instance.definitionVersion);
    const state = upgradeInstanceState(instance.state);
    const result = this.step(definition, state, event, await this.stepContext(tx, definition));
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
    return this.persist(tx, next, result.state, result.effects, result.history, actor, closedTaskId);
  }

  private async persist(
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
    closedTaskId?: string,
  ): Promise<CommandResult> {
    const now = this.now();
    const effectOutbox = await writeEffects(
      { tx, instanceId: instance.id, state, now, newId: this.newId, closedTaskId },
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
  private async record(
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

  private async appendHistory(tx: StoreTransaction, rows: NewHistoryRecord[]): Promise<HistoryRecord[]> {
    const seqs = await tx.history.append(rows);
    return rows.map((row, index) => ({ ...row, seq: seqs[index] ?? 0 }));
  }

  private async openTask(tx: StoreTransaction, taskId: string, expectedVersion: number | undefined) {
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

  private async loadInstance(tx: StoreTransaction, instanceId: string): Promise<InstanceRecord> {
    const instance = await tx.instances.get(instanceId);
    if (instance === undefined)
      throw notFound(RUNTIME_ERRORS.instanceNotFound, `Request ${instanceId} does not exist.`);
    return instance;
  }

  private async definitionAt(
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

  private async stepContext(tx: StoreTransaction, definition: WorkflowDefinition) {
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

const taskTaken = (taskId: string) =>
  conflictError(`Task ${taskId} was completed or changed by someone else first; reload your inbox.`, false, {
    taskId,
  });

const awaits = (state: unknown, message: string, correlationKey: string): boolean => {
  const tokens = (state as InstanceState | null)?.tokens ?? {};
  return Object.values(tokens).some(
    (token) =>
      token.wait?.kind === "message" &&
      token.wait.message === message &&
      token.wait.correlationKey === correlationKey,
  );
};

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
