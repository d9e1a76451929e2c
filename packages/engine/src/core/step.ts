import type {
  EngineEvent,
  InstanceStartEvent,
  InstanceState,
  JobFiredEvent,
  Token,
  WorkflowDefinition,
} from "@flowdesk/core";
import { ENGINE_ERRORS, INSTANCE_STATE_VERSION, incidentError, rejectEvent } from "@flowdesk/core";
import { Run } from "./run.ts";
import { reachSlaCheckpoint, stopSlaClocks, syncSlaClocks } from "./sla-clock.ts";
import type { StepContext, StepResult } from "./step-context.ts";
import { claimTask, reassignTask, unclaimTask } from "./task-routing.ts";

/**
 * Applies one event to one instance: the whole engine core as a pure function. The input
 * state is never modified; a rejected event throws a FlowdeskError (FD5001-FD5019) and
 * nothing changes. `state` is null only for `instance.start`.
 */
export const step = (
  definition: WorkflowDefinition,
  state: InstanceState | null,
  input: EngineEvent,
  ctx: StepContext,
): StepResult => {
  // The event's data ends up inside the new state: own it, so the caller can reuse theirs.
  const event = structuredClone(input);
  if (event.type === "instance.start") {
    if (state !== null) {
      throw rejectEvent(
        ENGINE_ERRORS.instanceAlreadyStarted,
        `Instance "${state.instanceId}" has already started.`,
      );
    }
    return start(definition, event, ctx);
  }
  if (state === null) {
    throw rejectEvent(
      ENGINE_ERRORS.stateUnreadable,
      `"${event.type}" needs the instance state; only instance.start has none.`,
    );
  }
  if (state.status !== "running") {
    throw rejectEvent(
      ENGINE_ERRORS.instanceNotRunning,
      `Instance "${state.instanceId}" is ${state.status}; "${event.type}" no longer applies.`,
    );
  }
  const run = new Run(definition, structuredClone(state), ctx);
  apply(run, event);
  syncSlaClocks(run);
  return { state: run.state, effects: run.effects, history: run.history };
};

const start = (definition: WorkflowDefinition, event: InstanceStartEvent, ctx: StepContext): StepResult => {
  const state: InstanceState = {
    stateVersion: INSTANCE_STATE_VERSION,
    instanceId: event.instanceId,
    definitionId: definition.id,
    status: "running",
    requester: event.requester,
    startedAt: ctx.now,
    ...(event.parent ? { parent: event.parent } : {}),
    variables: { ...event.data, requester: event.requester },
    tokens: {},
    tasks: {},
    approvals: {},
    jobs: {},
    calls: {},
    subprocesses: {},
    forks: {},
    incidents: {},
  };
  const run = new Run(definition, state, ctx);
  run.record({ type: "instance.started", by: event.requester, data: { definitionId: definition.id } });
  const startNodeId = run.index.startNodeId;
  if (startNodeId === undefined) {
    throw rejectEvent(ENGINE_ERRORS.unknownNodeType, `Workflow "${definition.id}" has no start step.`);
  }
  run.enqueue(run.createToken(startNodeId, undefined));
  run.drain();
  syncSlaClocks(run);
  return { state: run.state, effects: run.effects, history: run.history };
};

const apply = (run: Run, event: Exclude<EngineEvent, InstanceStartEvent>): void => {
  const { state } = run;
  const type: string = event.type;
  switch (event.type) {
    case "instance.cancel":
      run.cancel(event.reason ?? "cancelled", event.by);
      return;
    case "variables.set":
      Object.assign(state.variables, event.variables);
      run.record({ type: "variables.changed", by: event.by, data: { values: event.variables } });
      return;
    case "task.claimed":
      claimTask(run, event);
      return;
    case "task.unclaimed":
      unclaimTask(run, event);
      return;
    case "task.reassigned":
      reassignTask(run, event);
      return;
    case "task.completed":
    case "approval.decided":
    case "approval.delegated": {
      const task = state.tasks[event.taskId];
      if (!task) {
        throw rejectEvent(
          ENGINE_ERRORS.taskNotOpen,
          `Task "${event.taskId}" is not open: it was already completed, cancelled, or never existed.`,
        );
      }
      if (event.type !== "approval.delegated") stopSlaClocks(run, ["response"]);
      run.resume(tokenOf(run, task.tokenId), event);
      return;
    }
    case "job.fired":
      fireJob(run, event);
      return;
    case "http.result": {
      const call = state.calls[event.callId];
      if (!call || call.attempt !== event.attempt) {
        throw rejectEvent(
          ENGINE_ERRORS.callNotOutstanding,
          `HTTP call "${event.callId}" attempt ${event.attempt} is not outstanding (stale or unknown result).`,
        );
      }
      run.resume(tokenOf(run, call.tokenId), event);
      return;
    }
    case "subprocess.completed":
    case "subprocess.failed": {
      const child = state.subprocesses[event.childInstanceId];
      if (!child) {
        throw rejectEvent(
          ENGINE_ERRORS.subprocessNotRunning,
          `Subprocess "${event.childInstanceId}" is not running under this instance.`,
        );
      }
      run.resume(tokenOf(run, child.tokenId), event);
      return;
    }
    case "message.deliver": {
      const token = Object.values(state.tokens).find(
        (candidate) =>
          candidate.wait?.kind === "message" &&
          candidate.wait.message === event.message &&
          candidate.wait.correlationKey === event.correlationKey,
      );
      if (!token) {
        throw rejectEvent(
          ENGINE_ERRORS.messageNotExpected,
          `No step waits for message "${event.message}" with correlation key "${event.correlationKey}".`,
        );
      }
      run.record({
        type: "message.received",
        nodeId: token.nodeId,
        tokenId: token.id,
        data: { message: event.message, correlationKey: event.correlationKey },
      });
      run.resume(token, event);
      return;
    }
    case "incident.retry": {
      const incident = state.incidents[event.incidentId];
      if (!incident) {
        throw rejectEvent(ENGINE_ERRORS.incidentNotOpen, `Incident "${event.incidentId}" is not open.`);
      }
      const token = tokenOf(run, incident.tokenId);
      delete state.incidents[incident.id];
      delete token.wait;
      run.emit({ type: "incident.resolved", incidentId: incident.id });
      run.record({
        type: "incident.resolved",
        nodeId: incident.nodeId,
        tokenId: token.id,
        by: event.by,
        data: { incidentId: incident.id },
      });
      run.enqueue(token);
      run.drain();
      return;
    }
  }
  // Events come from outside (HTTP, queues): an unknown type is refused, not ignored.
  throw rejectEvent(ENGINE_ERRORS.unknownEvent, `"${type}" is not an engine event.`);
};

const tokenOf = (run: Run, tokenId: string): Token => {
  const token = run.state.tokens[tokenId];
  if (!token) throw rejectEvent(ENGINE_ERRORS.instanceNotRunning, `Token "${tokenId}" is no longer live.`);
  return token;
};

const fireJob = (run: Run, event: JobFiredEvent): void => {
  const job = run.state.jobs[event.jobId];
  if (!job) {
    throw rejectEvent(
      ENGINE_ERRORS.jobNotScheduled,
      `Job "${event.jobId}" is not scheduled (cancelled or already fired).`,
    );
  }
  delete run.state.jobs[job.id];
  const purpose = job.purpose;
  switch (purpose.kind) {
    case "sla-checkpoint":
      reachSlaCheckpoint(run, purpose.clock, purpose.escalation);
      return;
    case "attached-timer":
      fireAttachedTimer(run, tokenOf(run, purpose.tokenId), purpose.timerId);
      return;
    case "timer":
    case "http-retry":
      run.resume(tokenOf(run, purpose.tokenId), event);
      return;
  }
};

/**
 * Interrupting: the step is cancelled and the token leaves by the timer's edge.
 * Non-interrupting: the step keeps waiting; an edge named after the timer gets a new token.
 */
const fireAttachedTimer = (run: Run, token: Token, timerId: string): void => {
  const node = run.index.nodes.get(token.nodeId);
  const timers =
    (node?.config as { timers?: { id: string; interrupting: boolean }[] } | undefined)?.timers ?? [];
  const timer = timers.find((candidate) => candidate.id === timerId);
  if (token.timers) delete token.timers[timerId];
  run.record({
    type: "timer.fired",
    nodeId: token.nodeId,
    tokenId: token.id,
    data: { timerId, interrupting: timer?.interrupting ?? true },
  });
  const edges = (run.index.outgoing.get(token.nodeId) ?? []).filter((edge) => edge.outcome === timerId);
  if (timer?.interrupting === false) {
    for (const edge of edges) run.enqueue(run.createToken(edge.target, token.scopes?.slice()));
  } else {
    run.releaseStep(token, `timer ${timerId} escalated`);
    if (edges.length === 0) {
      run.openIncident(
        token,
        incidentError(ENGINE_ERRORS.badConfig, `Timer "${timerId}" escalated but no edge leaves by it.`),
      );
    } else {
      run.moveAlong(token, edges);
    }
  }
  run.drain();
};
