import type { InstanceStatus, SerializedError } from "@flowdesk/core";

/**
 * The Store port: everything the runtime needs from durable storage. The runtime runs
 * each command inside ONE `transaction` callback; packages/store implements the port
 * on SQLite and PostgreSQL. Timestamps are ISO-8601 UTC strings (they sort as text).
 */
export type IsoTimestamp = string;

export type TaskKind = "task" | "approval";
export type TaskState = "open" | "claimed" | "completed" | "cancelled";
export type JobStatus = "pending" | "running" | "done" | "failed" | "cancelled";
export type IncidentStatus = "open" | "resolved";

export interface PublishedDefinition {
  definitionId: string;
  version: number;
  kind: string;
  content: unknown;
  contentHash: string;
  publishedAt: IsoTimestamp;
  publishedBy: string | null;
}

export interface DefinitionDraft {
  definitionId: string;
  kind: string;
  content: unknown;
  updatedAt: IsoTimestamp;
  updatedBy: string | null;
}

export interface InstanceRecord {
  id: string;
  definitionId: string;
  definitionVersion: number;
  definitionHash: string;
  status: InstanceStatus;
  /** The engine's serialisable InstanceState. */
  state: unknown;
  /** Optimistic-concurrency version; every committed command increments it. */
  version: number;
  businessKey: string | null;
  parentInstanceId: string | null;
  createdAt: IsoTimestamp;
  updatedAt: IsoTimestamp;
}

export interface TaskRecord {
  id: string;
  instanceId: string;
  nodeId: string;
  tokenId: string;
  kind: TaskKind;
  slot: string;
  title: string | null;
  assigneeUser: string | null;
  assigneeGroup: string | null;
  state: TaskState;
  form: string | null;
  /**
   * The form version published when the task opened, so a later publish does not change
   * an open task's form. Null (or absent) on rows written before versions were recorded:
   * readers fall back to the latest published version.
   */
  formVersion?: number | null;
  data: unknown;
  outcome: string | null;
  completedBy: string | null;
  dueAt: IsoTimestamp | null;
  version: number;
  createdAt: IsoTimestamp;
  updatedAt: IsoTimestamp;
}

export interface JobRecord {
  id: string;
  kind: string;
  instanceId: string | null;
  nodeId: string | null;
  tokenId: string | null;
  status: JobStatus;
  dueAt: IsoTimestamp;
  payload: unknown;
  attempts: number;
  maxAttempts: number;
  lastError: string | null;
  leaseOwner: string | null;
  leaseExpiresAt: IsoTimestamp | null;
  idempotencyKey: string | null;
  createdAt: IsoTimestamp;
  updatedAt: IsoTimestamp;
}

export interface HistoryRecord {
  seq: number;
  instanceId: string;
  type: string;
  nodeId: string | null;
  tokenId: string | null;
  actor: string | null;
  data: unknown;
  at: IsoTimestamp;
}

export type NewHistoryRecord = Omit<HistoryRecord, "seq">;

export interface OutboxRecord {
  id: number;
  historySeq: number | null;
  topic: string;
  instanceId: string | null;
  payload: unknown;
  createdAt: IsoTimestamp;
  publishedAt: IsoTimestamp | null;
}

export type NewOutboxRecord = Omit<OutboxRecord, "id" | "publishedAt">;

export interface IncidentRecord {
  id: string;
  instanceId: string;
  nodeId: string | null;
  tokenId: string | null;
  jobId: string | null;
  error: SerializedError;
  status: IncidentStatus;
  retryCount: number;
  createdAt: IsoTimestamp;
  resolvedAt: IsoTimestamp | null;
}

export interface DefinitionRepository {
  saveDraft(draft: DefinitionDraft): Promise<void>;
  getDraft(definitionId: string): Promise<DefinitionDraft | undefined>;
  /** Stores the next immutable version of the content; returns it (or the latest one if the hash is unchanged). */
  publish(input: {
    definitionId: string;
    kind: string;
    content: unknown;
    publishedAt: IsoTimestamp;
    publishedBy?: string | null;
  }): Promise<PublishedDefinition>;
  latestPublished(definitionId: string): Promise<PublishedDefinition | undefined>;
  /** The newest version number and hash without the content: cheap enough for every start. */
  latestVersion(definitionId: string): Promise<{ version: number; contentHash: string } | undefined>;
  getVersion(definitionId: string, version: number): Promise<PublishedDefinition | undefined>;
  listVersions(definitionId: string): Promise<PublishedDefinition[]>;
}

export interface InstanceRepository {
  get(id: string): Promise<InstanceRecord | undefined>;
  findByBusinessKey(businessKey: string): Promise<InstanceRecord[]>;
  insert(instance: InstanceRecord): Promise<void>;
  /** Writes only when the stored version equals `expectedVersion`; false means someone else committed first. */
  update(
    id: string,
    expectedVersion: number,
    change: { status: InstanceStatus; state: unknown; updatedAt: IsoTimestamp },
  ): Promise<boolean>;
  countByStatus(status: InstanceStatus): Promise<number>;
}

export interface TaskRepository {
  get(id: string): Promise<TaskRecord | undefined>;
  listByInstance(instanceId: string): Promise<TaskRecord[]>;
  listOpen(filter: {
    assigneeUser?: string;
    assigneeGroups?: string[];
    limit?: number;
  }): Promise<TaskRecord[]>;
  insert(tasks: TaskRecord[]): Promise<void>;
  /** Claims an open task for a user (the command's instance version guards the race). */
  claim(id: string, user: string, at: IsoTimestamp): Promise<boolean>;
  /** Completes an open or claimed task, when its version still matches. */
  complete(
    id: string,
    expectedVersion: number,
    change: { outcome: string | null; data: unknown; completedBy: string | null; at: IsoTimestamp },
  ): Promise<boolean>;
  cancel(ids: string[], at: IsoTimestamp): Promise<number>;
  /** Closes a task the engine says is done: its outcome, who did it and the task form's data (or comment). */
  close(
    id: string,
    change: { outcome: string; completedBy: string; data: unknown; at: IsoTimestamp },
  ): Promise<boolean>;
  reassign(
    id: string,
    change: { assigneeUser: string | null; assigneeGroup: string | null; at: IsoTimestamp },
  ): Promise<void>;
}

export interface JobRepository {
  get(id: string): Promise<JobRecord | undefined>;
  listByInstance(instanceId: string): Promise<JobRecord[]>;
  insert(jobs: JobRecord[]): Promise<void>;
  cancel(ids: string[], at: IsoTimestamp): Promise<number>;
  /** Marks a job the caller holds (or that is still pending) as done. False if it was cancelled or is done already. */
  markDone(id: string, at: IsoTimestamp): Promise<boolean>;
  /** Releases a job for another attempt at `dueAt`. */
  reschedule(
    id: string,
    change: { dueAt: IsoTimestamp; lastError: string | null; at: IsoTimestamp },
  ): Promise<void>;
  markFailed(id: string, change: { lastError: string; at: IsoTimestamp }): Promise<void>;
  /** Puts a failed job back in the queue with a fresh attempt budget (incident retry). */
  requeue(id: string, change: { dueAt: IsoTimestamp; at: IsoTimestamp }): Promise<void>;
  /**
   * Leases up to `limit` jobs that are pending and due, or whose lease expired (a
   * worker that crashed), incrementing their attempts.
   */
  claimDue(input: {
    owner: string;
    now: IsoTimestamp;
    leaseUntil: IsoTimestamp;
    limit: number;
  }): Promise<JobRecord[]>;
  nextDueAt(): Promise<IsoTimestamp | undefined>;
}

export interface HistoryRepository {
  /** Appends entries in order and returns their global sequence numbers. */
  append(entries: NewHistoryRecord[]): Promise<number[]>;
  listByInstance(instanceId: string, afterSeq?: number): Promise<HistoryRecord[]>;
  listAfter(afterSeq: number, limit: number): Promise<HistoryRecord[]>;
}

export interface OutboxRepository {
  insert(rows: NewOutboxRecord[]): Promise<OutboxRecord[]>;
  listPending(limit: number): Promise<OutboxRecord[]>;
  markPublished(ids: number[], at: IsoTimestamp): Promise<void>;
}

export interface IncidentRepository {
  insert(incident: IncidentRecord): Promise<void>;
  get(id: string): Promise<IncidentRecord | undefined>;
  listByInstance(instanceId: string): Promise<IncidentRecord[]>;
  listOpen(limit: number): Promise<IncidentRecord[]>;
  /** Resolves an open incident for a retry; false if it was not open. */
  resolveForRetry(id: string, at: IsoTimestamp): Promise<boolean>;
}

/** The repositories bound to one transaction. */
export interface StoreTransaction {
  definitions: DefinitionRepository;
  instances: InstanceRepository;
  tasks: TaskRepository;
  jobs: JobRepository;
  history: HistoryRepository;
  outbox: OutboxRepository;
  incidents: IncidentRepository;
}

export type StoreDialect = "sqlite" | "postgres";

export interface Store {
  readonly dialect: StoreDialect;
  /**
   * Runs `work` in one database transaction: everything it writes commits together or
   * not at all. A throw rolls back and is rethrown.
   */
  transaction<T>(work: (tx: StoreTransaction) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
