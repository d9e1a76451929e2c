import { type Assignment, type Effect, ERROR_CODES, type InstanceState } from "@flowdesk/core";
import type { IsoTimestamp, JobRecord, NewOutboxRecord, StoreTransaction, TaskRecord } from "./store-port.ts";

/** Job kinds the job runner knows how to run. */
export const JOB_KINDS = {
  /** A job.schedule effect: timers, attached timers, SLA checkpoints, HTTP retry back-offs. */
  timer: "timer",
  http: "http",
  notify: "notify",
  subprocessStart: "subprocess.start",
  subprocessCancel: "subprocess.cancel",
  /** Tells a parent instance that its child ended. */
  subprocessReport: "subprocess.report",
} as const;

/** Attempts a job gets before its failure becomes an incident (crashes and infrastructure errors). */
export const DEFAULT_MAX_ATTEMPTS = 5;

interface EffectTarget {
  tx: StoreTransaction;
  instanceId: string;
  state: InstanceState;
  now: IsoTimestamp;
  newId: (prefix: string) => string;
  closedTaskId?: string | undefined;
}

const assignee = (assignment: Assignment): { assigneeUser: string | null; assigneeGroup: string | null } => {
  if (assignment.kind === "user") return { assigneeUser: assignment.user, assigneeGroup: null };
  if (assignment.kind === "group") return { assigneeUser: null, assigneeGroup: assignment.group };
  // Roles share the group column with a prefix so one inbox query serves both.
  return { assigneeUser: null, assigneeGroup: `role:${assignment.role}` };
};

const assignmentKey = (assignment: Assignment): string =>
  assignment.kind === "user"
    ? `user:${assignment.user}`
    : assignment.kind === "group"
      ? `group:${assignment.group}`
      : `role:${assignment.role}`;

const job = (
  target: EffectTarget,
  fields: Pick<JobRecord, "id" | "kind" | "dueAt" | "payload"> & Partial<JobRecord>,
): JobRecord => ({
  instanceId: target.instanceId,
  nodeId: null,
  tokenId: null,
  status: "pending",
  attempts: 0,
  maxAttempts: DEFAULT_MAX_ATTEMPTS,
  lastError: null,
  leaseOwner: null,
  leaseExpiresAt: null,
  idempotencyKey: null,
  createdAt: target.now,
  updatedAt: target.now,
  ...fields,
});

/**
 * Writes the effects of one step as rows, inside the command's transaction: tasks,
 * jobs (timers, HTTP calls, notifications, subprocess hand-offs), incidents and outbox
 * rows. Nothing here talks to the outside world; the job runner does that after commit.
 */
export async function writeEffects(target: EffectTarget, effects: Effect[]): Promise<NewOutboxRecord[]> {
  const { tx, now, state } = target;
  const tasks: TaskRecord[] = [];
  const jobs: JobRecord[] = [];
  const outbox: NewOutboxRecord[] = [];
  for (const effect of effects) {
    switch (effect.type) {
      case "task.create":
        tasks.push({
          id: effect.taskId,
          instanceId: target.instanceId,
          nodeId: effect.nodeId,
          tokenId: effect.tokenId,
          kind: effect.kind,
          slot: effect.kind === "approval" ? assignmentKey(effect.assignment) : "",
          title: effect.title,
          ...assignee(effect.assignment),
          state: "open",
          form: effect.form ?? null,
          // Pinned now: the assignee fills the form as it was when the task opened.
          formVersion:
            effect.form === undefined
              ? null
              : ((await tx.definitions.latestVersion(effect.form))?.version ?? null),
          data: {
            outcomes: effect.outcomes,
            ...(effect.instructions ? { instructions: effect.instructions } : {}),
          },
          outcome: null,
          completedBy: null,
          dueAt: effect.dueAt ?? null,
          version: 1,
          // The row opens when the engine's state says the task opened, to the millisecond,
          // so views reading either (instance detail, live positions) agree.
          createdAt: state.tasks[effect.taskId]?.createdAt ?? now,
          updatedAt: now,
        });
        break;
      case "task.close":
        if (effect.taskId === target.closedTaskId) break;
        await flushTasks(tx, tasks);
        await tx.tasks.close(effect.taskId, { outcome: effect.outcome, completedBy: effect.by, at: now });
        break;
      case "task.cancel":
        await flushTasks(tx, tasks);
        await tx.tasks.cancel([effect.taskId], now);
        break;
      case "task.reassign":
        await flushTasks(tx, tasks);
        await tx.tasks.reassign(effect.taskId, { ...assignee(effect.assignment), at: now });
        break;
      case "job.schedule": {
        const tokenId = "tokenId" in effect.purpose ? effect.purpose.tokenId : null;
        jobs.push(
          job(target, {
            id: effect.jobId,
            kind: JOB_KINDS.timer,
            dueAt: effect.dueAt,
            payload: { purpose: effect.purpose },
            tokenId,
            nodeId: tokenId === null ? null : (state.tokens[tokenId]?.nodeId ?? null),
          }),
        );
        break;
      }
      case "job.cancel":
        await flushJobs(tx, jobs);
        await tx.jobs.cancel([effect.jobId], now);
        break;
      case "http.call": {
        const call = state.calls[effect.callId];
        jobs.push(
          job(target, {
            id: target.newId("job"),
            kind: JOB_KINDS.http,
            dueAt: now,
            payload: {
              callId: effect.callId,
              attempt: effect.attempt,
              idempotencyKey: effect.idempotencyKey,
              request: effect.request,
            },
            tokenId: call?.tokenId ?? null,
            nodeId: call?.nodeId ?? null,
            // One job per attempt of one call; the HTTP Idempotency-Key (same for all attempts) travels in the payload.
            idempotencyKey: `${effect.callId}#${effect.attempt}`,
          }),
        );
        break;
      }
      case "notify.send":
        jobs.push(
          job(target, { id: effect.notificationId, kind: JOB_KINDS.notify, dueAt: now, payload: effect }),
        );
        break;
      case "subprocess.start":
        jobs.push(
          job(target, {
            id: target.newId("job"),
            kind: JOB_KINDS.subprocessStart,
            dueAt: now,
            tokenId: effect.parentTokenId,
            payload: {
              childInstanceId: effect.childInstanceId,
              workflow: effect.workflow,
              input: effect.input,
              requester: state.requester,
              parent: { instanceId: target.instanceId, tokenId: effect.parentTokenId },
            },
          }),
        );
        break;
      case "subprocess.cancel":
        jobs.push(
          job(target, {
            id: target.newId("job"),
            kind: JOB_KINDS.subprocessCancel,
            dueAt: now,
            payload: effect,
          }),
        );
        break;
      case "instance.completed":
      case "instance.cancelled":
        if (effect.parent !== undefined) {
          const event =
            effect.type === "instance.completed"
              ? {
                  type: "subprocess.completed",
                  childInstanceId: target.instanceId,
                  variables: effect.variables,
                  ...(effect.outcome === undefined ? {} : { outcome: effect.outcome }),
                }
              : {
                  type: "subprocess.failed",
                  childInstanceId: target.instanceId,
                  error: { ...ERROR_CODES.runtime.subprocessNotStarted, message: effect.reason },
                };
          jobs.push(
            job(target, {
              id: target.newId("job"),
              kind: JOB_KINDS.subprocessReport,
              dueAt: now,
              payload: { parentInstanceId: effect.parent.instanceId, event },
            }),
          );
        }
        break;
      case "incident.opened": {
        const incident = state.incidents[effect.incidentId];
        await tx.incidents.insert({
          id: effect.incidentId,
          instanceId: target.instanceId,
          nodeId: effect.nodeId,
          tokenId: incident?.tokenId ?? null,
          jobId: null,
          error: effect.error,
          status: "open",
          retryCount: 0,
          createdAt: now,
          resolvedAt: null,
        });
        break;
      }
      case "incident.resolved":
        await tx.incidents.resolveForRetry(effect.incidentId, now);
        break;
      case "sla.escalate":
        outbox.push({
          historySeq: null,
          topic: "sla.escalate",
          instanceId: target.instanceId,
          payload: effect,
          createdAt: now,
        });
        break;
    }
  }
  await flushTasks(tx, tasks);
  await flushJobs(tx, jobs);
  return outbox;
}

// Rows are batched, but flushed before any effect that may refer to them (a task created and cancelled in one step).
async function flushTasks(tx: StoreTransaction, tasks: TaskRecord[]): Promise<void> {
  if (tasks.length === 0) return;
  await tx.tasks.insert(tasks.splice(0));
}

async function flushJobs(tx: StoreTransaction, jobs: JobRecord[]): Promise<void> {
  if (jobs.length === 0) return;
  await tx.jobs.insert(jobs.splice(0));
}
