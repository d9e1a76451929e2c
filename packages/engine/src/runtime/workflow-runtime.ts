import {
  type Assignment,
  ENGINE_ERRORS,
  type EngineEvent,
  FlowdeskError,
  type HttpResultEvent,
  type InstanceState,
  upgradeInstanceState,
} from "@flowdesk/core";
import { conflictError, notFound, RUNTIME_ERRORS } from "./runtime-errors.ts";
import { type CommandResult, RuntimeKernel, type StartInstanceInput } from "./runtime-kernel.ts";
import type {
  InstanceRecord,
  JobRecord,
  PublishedDefinition,
  StoreTransaction,
  TaskRecord,
} from "./store-port.ts";

/**
 * Drives the pure engine core through the Store port. Every command is ONE transaction:
 * load the instance, step, write the new state at the expected version, write the
 * effects as task/job/incident/outbox rows and append history. A writer that lost the
 * race gets FD6409; nothing half-done is ever committed.
 */
export class WorkflowRuntime extends RuntimeKernel {
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
      // The row is closed by the step's task.close effect; the instance version guards the race.
      const event: EngineEvent = {
        type: "task.completed",
        taskId: task.id,
        by: input.by,
        ...(input.outcome === undefined ? {} : { outcome: input.outcome }),
        ...(input.data === undefined ? {} : { data: input.data }),
      };
      return this.advanceTask(tx, instance, event, input.by);
    });
  }

  /**
   * Steps a task event. The task row was read as open, but the instance may have been read
   * after a competing command committed (PostgreSQL reads each statement afresh): then the
   * core says the task is no longer open. That is the same lost race as a version clash,
   * so the command runs again on a fresh read, where the row tells who finished it first.
   */
  private async advanceTask(
    tx: StoreTransaction,
    instance: InstanceRecord,
    event: EngineEvent,
    by: string,
  ): Promise<CommandResult> {
    try {
      return await this.advance(tx, instance, event, by);
    } catch (error) {
      if (error instanceof FlowdeskError && error.code === ENGINE_ERRORS.taskNotOpen) {
        throw conflictError(error.message, true);
      }
      throw error;
    }
  }

  /** Takes a task for oneself; one already held by the same person is left as it is (no new version). */
  claimTask(input: { taskId: string; by: string; expectedVersion?: number }): Promise<CommandResult> {
    return this.taskCommand(input, (task) => ({ type: "task.claimed", taskId: task.id, by: input.by }));
  }

  /** Puts a claimed task back with whom it was assigned (its group queue). */
  unclaimTask(input: { taskId: string; by: string; expectedVersion?: number }): Promise<CommandResult> {
    return this.taskCommand(input, (task) => {
      refuseApproval(task, "released");
      return { type: "task.unclaimed", taskId: task.id, by: input.by };
    });
  }

  /** Sends an open task to another user or group; approvals are delegated instead. */
  reassignTask(input: {
    taskId: string;
    by: string;
    to: Assignment;
    expectedVersion?: number;
  }): Promise<CommandResult> {
    return this.taskCommand(input, (task) => {
      refuseApproval(task, "reassigned");
      return { type: "task.reassigned", taskId: task.id, by: input.by, to: input.to };
    });
  }

  /** One change to an open task: the event the core applies to its instance, in one transaction. */
  private taskCommand(
    input: { taskId: string; by: string; expectedVersion?: number | undefined },
    eventFor: (task: TaskRecord) => EngineEvent,
  ): Promise<CommandResult> {
    return this.command(async (tx) => {
      const task = await this.openTask(tx, input.taskId, input.expectedVersion);
      const event = eventFor(task);
      const instance = await this.loadInstance(tx, task.instanceId);
      return this.advanceTask(tx, instance, event, input.by);
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
      // A rejected decision (e.g. comment required) throws in the step: nothing is written.
      return this.advanceTask(tx, instance, event, input.by);
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
}

/** An approval's voter is chosen by the process: it is delegated (when allowed), not moved around. */
const refuseApproval = (task: TaskRecord, verb: string): void => {
  if (task.kind === "approval") {
    throw conflictError(`Task ${task.id} is an approval; approvals are delegated, not ${verb}.`, false, {
      taskId: task.id,
    });
  }
};

const awaits = (state: unknown, message: string, correlationKey: string): boolean => {
  const tokens = (state as InstanceState | null)?.tokens ?? {};
  return Object.values(tokens).some(
    (token) =>
      token.wait?.kind === "message" &&
      token.wait.message === message &&
      token.wait.correlationKey === correlationKey,
  );
};
