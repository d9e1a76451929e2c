import {
  type Effect,
  ENGINE_ERRORS,
  type FlowdeskError,
  type HistoryEntry,
  type InstanceState,
  incidentError,
  isRejection,
  type NodeBehaviour,
  type Token,
  toFlowdeskError,
  type WorkflowDefinition,
  type WorkflowEdge,
  type WorkflowNode,
} from "@flowdesk/core";
import { nodeBehaviours } from "@flowdesk/nodes";
import { type DefinitionIndex, indexDefinition } from "./definition-index.ts";
import { coreExpressions, type ExpressionPort } from "./expressions.ts";
import { toMillis } from "./instants.ts";
import { NodeCall } from "./node-call.ts";
import { stopSlaClocks } from "./sla-clock.ts";
import type { StepContext } from "./step-context.ts";

/** Node entries allowed in one step before the core calls it a loop and stops the token. */
const MAX_ENTRIES_PER_STEP = 1_000;

/**
 * One step in progress: a private copy of the state, the effects and history produced so
 * far, and the agenda of tokens still to move. Token movement, fork regions, joins and
 * the clean-up of left or cancelled steps live here; node types live in their behaviours.
 */
export class Run {
  readonly index: DefinitionIndex;
  readonly effects: Effect[] = [];
  readonly history: HistoryEntry[] = [];
  private nowMillis: number | undefined;
  readonly behaviours: Readonly<Record<string, NodeBehaviour>>;
  readonly expressions: ExpressionPort;
  private readonly agenda: string[] = [];
  private agendaHead = 0;
  private entries = 0;
  private lastOutcome: string | undefined;

  constructor(
    readonly definition: WorkflowDefinition,
    readonly state: InstanceState,
    readonly ctx: StepContext,
  ) {
    this.index = indexDefinition(definition);
    this.behaviours = ctx.behaviours ?? (nodeBehaviours as Readonly<Record<string, NodeBehaviour>>);
    this.expressions = ctx.expressions ?? coreExpressions;
  }

  /** `ctx.now` in epoch milliseconds, parsed only when a step needs arithmetic on it. */
  get nowMs(): number {
    this.nowMillis ??= toMillis(this.ctx.now);
    return this.nowMillis;
  }

  record(entry: Omit<HistoryEntry, "at">): void {
    this.history.push({ at: this.ctx.now, ...entry });
  }

  emit(effect: Effect): void {
    this.effects.push(effect);
  }

  createToken(nodeId: string, scopes: string[] | undefined): Token {
    const token: Token = { id: this.ctx.newId("token"), nodeId };
    if (scopes && scopes.length > 0) {
      token.scopes = scopes;
      for (const scope of scopes) {
        const region = this.state.forks[scope];
        if (region) region.live++;
      }
    }
    this.state.tokens[token.id] = token;
    return token;
  }

  enqueue(token: Token): void {
    this.agenda.push(token.id);
  }

  /** Moves every queued token until each one waits, ends or joins. */
  drain(): void {
    while (this.agendaHead < this.agenda.length) {
      const token = this.state.tokens[this.agenda[this.agendaHead++]!];
      if (token) this.enter(token);
    }
    this.agenda.length = 0;
    this.agendaHead = 0;
    if (this.state.status === "running" && isEmpty(this.state.tokens)) this.complete(this.lastOutcome);
  }

  private enter(token: Token): void {
    const node = this.index.nodes.get(token.nodeId);
    this.record({ type: "node.entered", nodeId: token.nodeId, tokenId: token.id });
    if (!node) {
      this.openIncident(
        token,
        incidentError(ENGINE_ERRORS.badConfig, `Node "${token.nodeId}" does not exist.`),
      );
      return;
    }
    if (++this.entries > MAX_ENTRIES_PER_STEP) {
      this.openIncident(
        token,
        incidentError(
          ENGINE_ERRORS.runawayLoop,
          `More than ${MAX_ENTRIES_PER_STEP} steps in one go: the process loops.`,
        ),
      );
      return;
    }
    const behaviour = this.behaviours[node.type];
    if (!behaviour) {
      this.openIncident(
        token,
        incidentError(ENGINE_ERRORS.badConfig, `Node type "${node.type}" has no behaviour.`),
      );
      return;
    }
    this.invoke(token, node, (call) => behaviour.enter(call), false);
  }

  /** Hands an event to the behaviour of the node the token waits on. */
  resume(token: Token, event: Parameters<NonNullable<NodeBehaviour["resume"]>>[1]): void {
    const node = this.index.nodes.get(token.nodeId);
    const behaviour = node ? this.behaviours[node.type] : undefined;
    if (!node || !behaviour?.resume) {
      throw incidentError(ENGINE_ERRORS.badConfig, `Node "${token.nodeId}" cannot take "${event.type}".`);
    }
    this.invoke(token, node, (call) => behaviour.resume!(call, event), true);
    this.drain();
  }

  /**
   * Runs one behaviour call. A rejection propagates (the whole step is dropped); any
   * other failure undoes what the call did and opens an incident on the token.
   */
  private invoke(
    token: Token,
    node: WorkflowNode,
    body: (call: NodeCall) => void,
    rejectable: boolean,
  ): void {
    const call = new NodeCall(this, token, node);
    const effectsMark = this.effects.length;
    const historyMark = this.history.length;
    try {
      body(call);
      call.settle();
    } catch (thrown) {
      if (rejectable && isRejection(thrown)) throw thrown;
      call.undo();
      this.effects.length = effectsMark;
      this.history.length = historyMark;
      this.openIncident(token, toFlowdeskError(thrown));
    }
  }

  openIncident(token: Token, error: FlowdeskError): void {
    this.releaseStep(token, "incident");
    const incidentId = this.ctx.newId("incident");
    const serialised = error.toJSON();
    this.state.incidents[incidentId] = {
      id: incidentId,
      tokenId: token.id,
      nodeId: token.nodeId,
      openedAt: this.ctx.now,
      error: serialised,
    };
    token.wait = { kind: "incident", incidentId };
    this.emit({ type: "incident.opened", incidentId, nodeId: token.nodeId, error: serialised });
    this.record({
      type: "incident.opened",
      nodeId: token.nodeId,
      tokenId: token.id,
      data: { incidentId, code: serialised.code, message: serialised.message },
    });
  }

  /** Edges leaving `node` by `outcome`: those naming it, else the unnamed ones. */
  edgesFor(nodeId: string, outcome: string | undefined): WorkflowEdge[] {
    const outgoing = this.index.outgoing.get(nodeId) ?? [];
    if (outgoing.length === 0) return [];
    if (outcome !== undefined) {
      const named = outgoing.filter((edge) => edge.outcome === outcome);
      if (named.length > 0) return named;
    }
    const unnamed = outgoing.filter((edge) => edge.outcome === undefined);
    if (unnamed.length === 0) {
      throw incidentError(
        ENGINE_ERRORS.noEdgeForOutcome,
        `No edge leaves "${nodeId}" by outcome "${outcome ?? "(none)"}".`,
        { outcome },
      );
    }
    return unnamed;
  }

  /** The token leaves its node along `edges` (more than one splits it); none ends it. */
  moveAlong(token: Token, edges: readonly WorkflowEdge[]): void {
    if (token.wait !== undefined || token.timers !== undefined) this.releaseStep(token, "step left");
    delete token.wait;
    delete token.timers;
    const [first, ...rest] = edges;
    if (!first) {
      this.removeToken(token);
      return;
    }
    for (const edge of rest) this.enqueue(this.createToken(edge.target, token.scopes?.slice()));
    token.nodeId = first.target;
    this.enqueue(token);
  }

  forkAt(token: Token): void {
    const edges = this.index.outgoing.get(token.nodeId) ?? [];
    const regionId = this.ctx.newId("fork");
    const joinNodeId = this.index.joinOfFork.get(token.nodeId);
    this.state.forks[regionId] = {
      forkNodeId: token.nodeId,
      ...(joinNodeId === undefined ? {} : { joinNodeId }),
      live: 0,
      arrived: 0,
    };
    this.record({ type: "fork.opened", nodeId: token.nodeId, tokenId: token.id, data: { region: regionId } });
    const scopes = [...(token.scopes ?? []), regionId];
    for (const edge of edges) this.enqueue(this.createToken(edge.target, scopes.slice()));
    if (edges.length === 0) delete this.state.forks[regionId];
    this.removeToken(token);
  }

  /** A token reaches a join: it counts as arrived in the region the join closes. */
  joinAt(token: Token): void {
    const scopes = token.scopes ?? [];
    for (let i = scopes.length - 1; i >= 0; i--) {
      const region = this.state.forks[scopes[i]!];
      if (region?.joinNodeId === token.nodeId) {
        region.arrived++;
        this.removeToken(token);
        return;
      }
    }
    // Not inside a region this join closes: it merges, the token passes through.
    this.leaveSafely(token);
  }

  /**
   * Removes a token and updates its regions, innermost first. A region with no live
   * token left fires its join once (if a branch arrived) or simply closes.
   */
  removeToken(token: Token): void {
    delete this.state.tokens[token.id];
    const scopes = token.scopes ?? [];
    for (const scope of scopes) {
      const region = this.state.forks[scope];
      if (region) region.live--;
    }
    for (let i = scopes.length - 1; i >= 0; i--) {
      const regionId = scopes[i]!;
      const region = this.state.forks[regionId];
      if (!region || region.live > 0) continue;
      delete this.state.forks[regionId];
      if (region.arrived > 0 && region.joinNodeId !== undefined) {
        const continuation = this.createToken(region.joinNodeId, scopes.slice(0, i));
        this.record({
          type: "join.fired",
          nodeId: region.joinNodeId,
          tokenId: continuation.id,
          data: { region: regionId, arrived: region.arrived },
        });
        this.leaveSafely(continuation);
      }
    }
  }

  /** Leaves by the unnamed edges, or stops the token with an incident when there are none. */
  private leaveSafely(token: Token): void {
    let edges: WorkflowEdge[];
    try {
      edges = this.edgesFor(token.nodeId, undefined);
    } catch (thrown) {
      this.openIncident(token, toFlowdeskError(thrown));
      return;
    }
    this.moveAlong(token, edges);
  }

  endToken(token: Token, outcome: string | undefined, terminate: boolean): void {
    if (outcome !== undefined) this.lastOutcome = outcome;
    if (!terminate) {
      this.removeToken(token);
      return;
    }
    delete this.state.tokens[token.id];
    this.state.forks = {};
    for (const other of Object.values(this.state.tokens)) this.cancelToken(other, "terminated");
    this.complete(outcome);
  }

  /** Drops a token and everything its step started (for terminate and cancel). */
  cancelToken(token: Token, reason: string): void {
    this.releaseStep(token, reason);
    delete this.state.tokens[token.id];
    this.record({ type: "token.cancelled", nodeId: token.nodeId, tokenId: token.id, data: { reason } });
  }

  /** Cancels the tasks, jobs, calls, children and incidents that belong to a token. */
  releaseStep(token: Token, reason: string): void {
    const { state } = this;
    for (const task of Object.values(state.tasks)) {
      if (task.tokenId !== token.id) continue;
      delete state.tasks[task.id];
      this.emit({ type: "task.cancel", taskId: task.id, reason });
      this.record({
        type: "task.cancelled",
        nodeId: task.nodeId,
        tokenId: token.id,
        data: { taskId: task.id, reason },
      });
    }
    for (const job of Object.values(state.jobs)) {
      if (!("tokenId" in job.purpose) || job.purpose.tokenId !== token.id) continue;
      delete state.jobs[job.id];
      this.emit({ type: "job.cancel", jobId: job.id });
    }
    for (const call of Object.values(state.calls)) {
      if (call.tokenId === token.id) delete state.calls[call.id];
    }
    for (const child of Object.values(state.subprocesses)) {
      if (child.tokenId !== token.id) continue;
      delete state.subprocesses[child.childInstanceId];
      this.emit({ type: "subprocess.cancel", childInstanceId: child.childInstanceId, reason });
    }
    for (const incident of Object.values(state.incidents)) {
      if (incident.tokenId !== token.id) continue;
      delete state.incidents[incident.id];
      this.emit({ type: "incident.resolved", incidentId: incident.id });
    }
    delete state.approvals[token.id];
    delete token.timers;
  }

  complete(outcome: string | undefined): void {
    const { state } = this;
    state.status = "completed";
    state.endedAt = this.ctx.now;
    if (outcome !== undefined) state.outcome = outcome;
    stopSlaClocks(this, ["response", "resolution"]);
    this.cancelRemainingJobs();
    this.emit({
      type: "instance.completed",
      ...(outcome === undefined ? {} : { outcome }),
      variables: { ...state.variables },
      ...(state.parent ? { parent: state.parent } : {}),
    });
    this.record({ type: "instance.completed", data: outcome === undefined ? {} : { outcome } });
  }

  cancel(reason: string, by: string): void {
    const { state } = this;
    state.forks = {};
    for (const token of Object.values(state.tokens)) this.cancelToken(token, reason);
    state.status = "cancelled";
    state.endedAt = this.ctx.now;
    stopSlaClocks(this, ["response", "resolution"]);
    this.cancelRemainingJobs();
    this.emit({ type: "instance.cancelled", reason, ...(state.parent ? { parent: state.parent } : {}) });
    this.record({ type: "instance.cancelled", by, data: { reason } });
  }

  private cancelRemainingJobs(): void {
    for (const jobId of Object.keys(this.state.jobs)) {
      delete this.state.jobs[jobId];
      this.emit({ type: "job.cancel", jobId });
    }
  }
}

const isEmpty = (record: Record<string, unknown>): boolean => {
  for (const _ in record) return false;
  return true;
};
