import { hostname } from "node:os";
import { type EngineEvent, type HttpRequest, type NotifySendEffect, toFlowdeskError } from "@flowdesk/core";
import { JOB_KINDS } from "./effects/job-rows.ts";
import { performHttpCall } from "./http-call.ts";
import type { CommandResult } from "./runtime-kernel.ts";
import type { JobRecord } from "./store-port.ts";
import type { WorkflowRuntime } from "./workflow-runtime.ts";

export interface JobRunnerOptions {
  runtime: WorkflowRuntime;
  /** Lease owner name; unique per process (default host:pid:random). */
  owner?: string;
  /** How long a claimed job stays ours; longer than the slowest HTTP timeout (default 60 s). */
  leaseMs?: number;
  /** Jobs claimed per pass (default 20). */
  batchSize?: number;
  /** Pause between passes when idle, for `start()` (default 500 ms). */
  pollIntervalMs?: number;
  /** First back-off of a job that failed for an infrastructure reason; doubles per attempt (default 1 s). */
  failureBackoffMs?: number;
  fetch?: typeof fetch;
  /** Delivers notifications (e-mail, webhook, in-app); the default drops them. */
  notify?: (notification: NotifySendEffect) => Promise<void>;
  /** Called after each commit, e.g. to push the outbox to live clients. */
  onCommitted?: (result: CommandResult) => void;
  /** Called when a whole pass failed (e.g. the database was unreachable); the loop goes on. */
  onPassError?: (error: unknown) => void;
  /** Called when a job failed and was rescheduled or turned into an incident. */
  onJobFailure?: (job: JobRecord, error: unknown, outcome: "rescheduled" | "incident") => void;
}

export interface RunPassResult {
  claimed: number;
  committed: number;
  failed: number;
}

/**
 * Runs due jobs: claims a batch with a lease, runs each (timer -> `job.fired`, HTTP ->
 * fetch then `http.result`, subprocess hand-offs, notifications) and feeds the results
 * back through the runtime, so each result commits in one transaction with the job
 * marked done. A crashed runner's lease expires and another pass picks its jobs up.
 */
export class JobRunner {
  readonly owner: string;
  private readonly options: Required<
    Pick<JobRunnerOptions, "leaseMs" | "batchSize" | "pollIntervalMs" | "failureBackoffMs">
  > &
    JobRunnerOptions;
  private loop: Promise<void> | undefined;
  private stopping = false;
  private wake: (() => void) | undefined;

  constructor(options: JobRunnerOptions) {
    this.options = {
      leaseMs: 60_000,
      batchSize: 20,
      pollIntervalMs: 500,
      failureBackoffMs: 1000,
      ...options,
    };
    this.owner = options.owner ?? `${hostname()}:${process.pid}:${options.runtime.newId("runner")}`;
  }

  /** One pass: claim what is due now and run it. */
  async runDue(): Promise<RunPassResult> {
    const { runtime } = this.options;
    const now = runtime.now();
    const leaseUntil = new Date(Date.parse(now) + this.options.leaseMs).toISOString();
    const jobs = await runtime.store.transaction((tx) =>
      tx.jobs.claimDue({ owner: this.owner, now, leaseUntil, limit: this.options.batchSize }),
    );
    const outcomes = await Promise.all(jobs.map((job) => this.runJob(job)));
    return {
      claimed: jobs.length,
      committed: outcomes.filter((outcome) => outcome === "committed").length,
      failed: outcomes.filter((outcome) => outcome === "failed").length,
    };
  }

  /** Passes until nothing is due (bounded), e.g. after moving a test clock. */
  async drain(maxPasses = 100): Promise<RunPassResult> {
    const total: RunPassResult = { claimed: 0, committed: 0, failed: 0 };
    for (let pass = 0; pass < maxPasses; pass++) {
      const result = await this.runDue();
      total.claimed += result.claimed;
      total.committed += result.committed;
      total.failed += result.failed;
      if (result.claimed === 0) break;
    }
    return total;
  }

  /** Polls in the background until `stop()`. */
  start(): void {
    if (this.loop !== undefined) return;
    this.stopping = false;
    this.loop = (async () => {
      while (!this.stopping) {
        let claimed = 0;
        try {
          claimed = (await this.runDue()).claimed;
        } catch (error) {
          // The database was unavailable for a moment; the next pass tries again.
          this.options.onPassError?.(error);
        }
        if (claimed === 0 && !this.stopping) await this.sleep(this.options.pollIntervalMs);
      }
    })();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.loop;
    this.loop = undefined;
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  private async runJob(job: JobRecord): Promise<"committed" | "skipped" | "failed"> {
    try {
      const result = await this.execute(job);
      if (result === undefined) return "skipped";
      this.options.onCommitted?.(result);
      return "committed";
    } catch (error) {
      const failure = toFlowdeskError(error);
      const outcome = await this.options.runtime.recordJobFailure({
        job,
        error: { code: failure.code, message: failure.message },
        backoffMs: this.options.failureBackoffMs,
      });
      this.options.onJobFailure?.(job, error, outcome);
      return "failed";
    }
  }

  private async execute(job: JobRecord): Promise<CommandResult | undefined> {
    const { runtime } = this.options;
    const leased = { jobId: job.id, leaseOwner: this.owner };
    switch (job.kind) {
      case JOB_KINDS.timer:
        return runtime.fireJob(leased);
      case JOB_KINDS.http: {
        const payload = job.payload as HttpJobPayload;
        const result = await performHttpCall(payload.request, payload.idempotencyKey, this.options.fetch);
        return runtime.deliverHttpResult({ ...leased, result });
      }
      case JOB_KINDS.notify:
        await this.options.notify?.(job.payload as NotifySendEffect);
        return runtime.completeJobWith(leased);
      case JOB_KINDS.subprocessStart: {
        const payload = job.payload as SubprocessStartPayload;
        return runtime.completeJobWith({
          ...leased,
          start: {
            definitionId: payload.workflow,
            requester: payload.requester,
            data: payload.input,
            instanceId: payload.childInstanceId,
            parent: payload.parent,
          },
        });
      }
      case JOB_KINDS.subprocessCancel: {
        const payload = job.payload as { childInstanceId: string; reason: string };
        return runtime.completeJobWith({
          ...leased,
          instanceId: payload.childInstanceId,
          event: { type: "instance.cancel", by: "system", reason: payload.reason },
        });
      }
      case JOB_KINDS.subprocessReport: {
        const payload = job.payload as { parentInstanceId: string; event: EngineEvent };
        return runtime.completeJobWith({
          ...leased,
          instanceId: payload.parentInstanceId,
          event: payload.event,
        });
      }
      default:
        throw new Error(`No runner for job kind "${job.kind}"`);
    }
  }
}

interface HttpJobPayload {
  callId: string;
  attempt: number;
  idempotencyKey: string;
  request: HttpRequest;
}

interface SubprocessStartPayload {
  childInstanceId: string;
  workflow: string;
  input: Record<string, unknown>;
  requester: string;
  parent: { instanceId: string; tokenId: string };
}
