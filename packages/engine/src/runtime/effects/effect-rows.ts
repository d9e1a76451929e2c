import type { JobRecord, NewOutboxRecord, StoreTransaction, TaskRecord } from "../store-port.ts";

/**
 * Task and job rows of one step, inserted in batches. A handler that changes an existing
 * row flushes first, because the row may have been created earlier in the same step (a
 * task created and cancelled in one step).
 */
export class EffectRows {
  private readonly tasks: TaskRecord[] = [];
  private readonly jobs: JobRecord[] = [];
  /** Outbox rows the effects asked for; the kernel inserts them with the instance's own. */
  readonly outbox: NewOutboxRecord[] = [];

  constructor(private readonly tx: StoreTransaction) {}

  addTask(task: TaskRecord): void {
    this.tasks.push(task);
  }

  addJob(job: JobRecord): void {
    this.jobs.push(job);
  }

  async flushTasks(): Promise<void> {
    if (this.tasks.length === 0) return;
    await this.tx.tasks.insert(this.tasks.splice(0));
  }

  async flushJobs(): Promise<void> {
    if (this.jobs.length === 0) return;
    await this.tx.jobs.insert(this.jobs.splice(0));
  }

  async flush(): Promise<void> {
    await this.flushTasks();
    await this.flushJobs();
  }
}
