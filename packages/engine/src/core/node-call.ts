import type {
  AssigneeRule,
  Assignment,
  Effect,
  HistoryEntry,
  HttpRequest,
  InstanceState,
  IsoDuration,
  JobPurpose,
  NodeContext,
  OpenTaskDetails,
  TaskRecord,
  Token,
  TokenWait,
  WorkflowDefinition,
  WorkflowEdge,
  WorkflowNode,
} from "@flowdesk/core";
import { ENGINE_ERRORS, incidentError } from "@flowdesk/core";
import { resolveAssignees } from "./assignees.ts";
import { addBusinessMillis } from "./business-calendar.ts";
import { guardExpression } from "./expressions.ts";
import { addWallDuration, durationMillis, toInstant, toMillis } from "./instants.ts";
import type { Run } from "./run.ts";

type Disposition =
  | { kind: "stay" }
  | { kind: "wait"; wait: TokenWait }
  | { kind: "leave"; edges: WorkflowEdge[] }
  | { kind: "fork" }
  | { kind: "join" }
  | { kind: "end"; outcome: string | undefined; terminate: boolean };

interface AttachedTimerConfig {
  id: string;
  after: IsoDuration;
  businessHours?: boolean;
}

/**
 * The NodeContext one behaviour call sees. State changes are logged so a failing call
 * can be undone before its incident is opened; where the token goes next is decided
 * only once the behaviour returned (`settle`).
 */
export class NodeCall implements NodeContext {
  private disposition: Disposition = { kind: "stay" };
  private readonly undoLog: (() => void)[] = [];

  constructor(
    private readonly run: Run,
    readonly token: Token,
    readonly node: WorkflowNode,
  ) {}

  get definition(): WorkflowDefinition {
    return this.run.definition;
  }
  get state(): InstanceState {
    return this.run.state;
  }
  get variables(): Record<string, unknown> {
    return this.run.state.variables;
  }
  get now(): string {
    return this.run.ctx.now;
  }
  get outgoing(): readonly WorkflowEdge[] {
    return this.run.index.outgoing.get(this.node.id) ?? [];
  }

  newId(prefix: string): string {
    return this.run.ctx.newId(prefix);
  }

  evaluate(expression: string, extra?: Record<string, unknown>): unknown {
    const variables = extra ? { ...this.variables, ...extra } : this.variables;
    return guardExpression(expression, () => this.run.expressions.evaluateExpression(expression, variables));
  }

  condition(expression: string, extra?: Record<string, unknown>): boolean {
    const variables = extra ? { ...this.variables, ...extra } : this.variables;
    return guardExpression(expression, () => this.run.expressions.evaluateCondition(expression, variables));
  }

  render(template: string, extra?: Record<string, unknown>): string {
    const variables = extra ? { ...this.variables, ...extra } : this.variables;
    return guardExpression(template, () => this.run.expressions.renderTemplate(template, variables));
  }

  evaluateOver(expression: string, variables: Record<string, unknown>): unknown {
    return guardExpression(expression, () => this.run.expressions.evaluateExpression(expression, variables));
  }

  resolveAssignees(rule: AssigneeRule): Assignment[] {
    return resolveAssignees(rule, (expression) => this.evaluate(expression));
  }

  addDuration(from: string, duration: IsoDuration, businessHours = false): string {
    if (!businessHours) return addWallDuration(from, duration);
    const calendar = this.run.ctx.calendar ?? this.run.ctx.slaPolicy?.calendar;
    if (!calendar) {
      throw incidentError(
        ENGINE_ERRORS.noBusinessCalendar,
        "A business-hours duration needs a business calendar, and the step was given none.",
      );
    }
    return toInstant(addBusinessMillis(calendar, toMillis(from), durationMillis(duration)));
  }

  setVariables(values: Record<string, unknown>): void {
    const variables = this.run.state.variables;
    for (const [name, value] of Object.entries(values)) {
      const had = Object.hasOwn(variables, name);
      const previous = variables[name];
      this.undoLog.push(() => {
        if (had) variables[name] = previous;
        else delete variables[name];
      });
      variables[name] = value;
    }
    this.record({
      type: "variables.changed",
      nodeId: this.node.id,
      tokenId: this.token.id,
      data: { values },
    });
  }

  /** Adds a record to one of the state's maps; undone if the behaviour call fails. */
  private putUndoable<T>(map: Record<string, T>, key: string, value: T): void {
    map[key] = value;
    this.undoLog.push(() => delete map[key]);
  }

  /** Removes a record from one of the state's maps and returns it; undone on failure. */
  private takeUndoable<T>(map: Record<string, T>, key: string): T | undefined {
    const record = map[key];
    if (record === undefined) return undefined;
    delete map[key];
    this.undoLog.push(() => {
      map[key] = record;
    });
    return record;
  }

  emit(effect: Effect): void {
    this.run.emit(effect);
  }

  record(entry: Omit<HistoryEntry, "at">): void {
    this.run.record(entry);
  }

  openTask(
    task: Omit<TaskRecord, "id" | "tokenId" | "nodeId" | "createdAt">,
    details: OpenTaskDetails,
  ): string {
    const taskId = this.newId("task");
    const record: TaskRecord = {
      id: taskId,
      tokenId: this.token.id,
      nodeId: this.node.id,
      createdAt: this.now,
      ...task,
    };
    this.putUndoable(this.run.state.tasks, taskId, record);
    this.emit({
      type: "task.create",
      taskId,
      tokenId: this.token.id,
      nodeId: this.node.id,
      kind: record.kind,
      title: details.title,
      assignment: record.assignment,
      outcomes: details.outcomes,
      ...(details.form === undefined ? {} : { form: details.form }),
      ...(record.dueAt === undefined ? {} : { dueAt: record.dueAt }),
      ...(details.instructions === undefined ? {} : { instructions: details.instructions }),
    });
    this.record({
      type: "task.created",
      nodeId: this.node.id,
      tokenId: this.token.id,
      data: { taskId, assignment: record.assignment },
    });
    return taskId;
  }

  closeTask(taskId: string, outcome: string, by: string, data?: Record<string, unknown>): void {
    if (!this.takeUndoable(this.run.state.tasks, taskId)) return;
    this.emit({ type: "task.close", taskId, outcome, by, ...(data === undefined ? {} : { data }) });
    this.record({
      type: "task.completed",
      nodeId: this.node.id,
      tokenId: this.token.id,
      by,
      data: { taskId, outcome },
    });
  }

  cancelTask(taskId: string, reason: string): void {
    if (!this.takeUndoable(this.run.state.tasks, taskId)) return;
    this.emit({ type: "task.cancel", taskId, reason });
    this.record({
      type: "task.cancelled",
      nodeId: this.node.id,
      tokenId: this.token.id,
      data: { taskId, reason },
    });
  }

  reassignTask(taskId: string, assignment: Assignment, by: string): void {
    const record = this.run.state.tasks[taskId];
    if (!record) return;
    const previous = { assignment: record.assignment, claimedBy: record.claimedBy };
    // The new assignee has it; whoever had claimed it no longer holds it.
    record.assignment = assignment;
    delete record.claimedBy;
    this.undoLog.push(() => {
      record.assignment = previous.assignment;
      if (previous.claimedBy !== undefined) record.claimedBy = previous.claimedBy;
    });
    this.emit({ type: "task.reassign", taskId, assignment, by });
  }

  scheduleJob(dueAt: string, purpose: JobPurpose): string {
    const jobId = this.newId("job");
    this.putUndoable(this.run.state.jobs, jobId, { id: jobId, dueAt, purpose });
    this.emit({ type: "job.schedule", jobId, dueAt, purpose });
    return jobId;
  }

  cancelJob(jobId: string): void {
    if (!this.takeUndoable(this.run.state.jobs, jobId)) return;
    this.emit({ type: "job.cancel", jobId });
  }

  callHttp(request: HttpRequest, idempotencyKey: string): string {
    const callId = this.newId("call");
    this.putUndoable(this.run.state.calls, callId, {
      id: callId,
      tokenId: this.token.id,
      nodeId: this.node.id,
      attempt: 1,
      idempotencyKey,
      request,
    });
    this.emit({ type: "http.call", callId, attempt: 1, idempotencyKey, request });
    this.record({
      type: "http.requested",
      nodeId: this.node.id,
      tokenId: this.token.id,
      data: { callId, attempt: 1, method: request.method, url: request.url },
    });
    return callId;
  }

  retryHttp(callId: string): void {
    const call = this.run.state.calls[callId];
    if (!call) return;
    call.attempt++;
    this.undoLog.push(() => {
      call.attempt--;
    });
    this.emit({
      type: "http.call",
      callId,
      attempt: call.attempt,
      idempotencyKey: call.idempotencyKey,
      request: call.request,
    });
    this.record({
      type: "http.requested",
      nodeId: this.node.id,
      tokenId: this.token.id,
      data: { callId, attempt: call.attempt, method: call.request.method, url: call.request.url },
    });
  }

  closeCall(callId: string): void {
    this.takeUndoable(this.run.state.calls, callId);
  }

  startSubprocess(workflow: string, input: Record<string, unknown>): string {
    const childInstanceId = this.newId("instance");
    this.putUndoable(this.run.state.subprocesses, childInstanceId, {
      childInstanceId,
      tokenId: this.token.id,
      nodeId: this.node.id,
      workflow,
    });
    this.emit({ type: "subprocess.start", childInstanceId, workflow, input, parentTokenId: this.token.id });
    this.record({
      type: "subprocess.started",
      nodeId: this.node.id,
      tokenId: this.token.id,
      data: { childInstanceId, workflow },
    });
    return childInstanceId;
  }

  closeSubprocess(childInstanceId: string): void {
    this.takeUndoable(this.run.state.subprocesses, childInstanceId);
  }

  wait(wait: TokenWait): void {
    this.disposition = { kind: "wait", wait };
  }

  leave(outcome?: string): void {
    this.disposition = { kind: "leave", edges: this.run.edgesFor(this.node.id, outcome) };
  }

  leaveBy(edgeIds: string[]): void {
    const edges = edgeIds.map((id) => {
      const edge = this.run.index.edges.get(id);
      if (!edge || edge.source !== this.node.id) {
        throw incidentError(ENGINE_ERRORS.badConfig, `Edge "${id}" does not leave "${this.node.id}".`);
      }
      return edge;
    });
    this.disposition = { kind: "leave", edges };
  }

  fork(): void {
    this.disposition = { kind: "fork" };
  }

  join(): void {
    this.disposition = { kind: "join" };
  }

  end(outcome: string | undefined, terminate: boolean): void {
    this.disposition = { kind: "end", outcome, terminate };
  }

  /** Applies the behaviour's decision about the token; attached timers arm when a wait begins. */
  settle(): void {
    const { run, token } = this;
    const disposition = this.disposition;
    switch (disposition.kind) {
      case "stay":
        return;
      case "wait":
        token.wait = disposition.wait;
        if (token.timers === undefined) this.armAttachedTimers();
        return;
      case "leave":
        run.moveAlong(token, disposition.edges);
        return;
      case "fork":
        run.forkAt(token);
        return;
      case "join":
        run.joinAt(token);
        return;
      case "end":
        run.endToken(token, disposition.outcome, disposition.terminate);
        return;
    }
  }

  undo(): void {
    for (let i = this.undoLog.length - 1; i >= 0; i--) this.undoLog[i]!();
    this.undoLog.length = 0;
  }

  private armAttachedTimers(): void {
    const timers = (this.node.config as { timers?: AttachedTimerConfig[] }).timers;
    if (!Array.isArray(timers) || timers.length === 0) return;
    const armed: Record<string, string> = {};
    for (const timer of timers) {
      const dueAt = this.addDuration(this.now, timer.after, timer.businessHours === true);
      armed[timer.id] = this.scheduleJob(dueAt, {
        kind: "attached-timer",
        tokenId: this.token.id,
        timerId: timer.id,
      });
    }
    this.token.timers = armed;
  }
}
