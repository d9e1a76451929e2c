import type { HistoryEntry, NodeBehaviour, NodeContext, WorkflowDefinition } from "@flowdesk/core";
import { nodeBehaviours } from "@flowdesk/nodes";

/**
 * Records which edges of a workflow the engine takes. Behaviours are wrapped so every
 * `leave`, `leaveBy` and `fork` names its edges; attached-timer escalations and join
 * firings, which the engine moves itself, are read from the history.
 */
export class EdgeCoverage {
  readonly taken = new Set<string>();

  constructor(private readonly definition: WorkflowDefinition) {}

  private outgoing(nodeId: string) {
    return this.definition.edges.filter((edge) => edge.source === nodeId);
  }

  /** The same choice the engine makes: edges naming the outcome, else the unnamed ones. */
  private edgesByOutcome(nodeId: string, outcome: string | undefined): string[] {
    const outgoing = this.outgoing(nodeId);
    const named = outcome === undefined ? [] : outgoing.filter((edge) => edge.outcome === outcome);
    const chosen = named.length > 0 ? named : outgoing.filter((edge) => edge.outcome === undefined);
    return chosen.map((edge) => edge.id);
  }

  private mark(ids: readonly string[]): void {
    for (const id of ids) this.taken.add(id);
  }

  /** Node behaviours that report the edges they leave by. */
  behaviours(): Record<string, NodeBehaviour> {
    const wrapped: Record<string, NodeBehaviour> = {};
    for (const [type, behaviour] of Object.entries(nodeBehaviours)) {
      const observe = (ctx: NodeContext): NodeContext =>
        new Proxy(ctx, {
          get: (target, property) => {
            const value = Reflect.get(target, property, target) as unknown;
            if (typeof value !== "function") return value;
            const bound = (value as (...args: unknown[]) => unknown).bind(target);
            if (property === "leave")
              return (outcome?: string) => {
                this.mark(this.edgesByOutcome(target.node.id, outcome));
                return bound(outcome);
              };
            if (property === "leaveBy")
              return (edgeIds: string[]) => {
                this.mark(edgeIds);
                return bound(edgeIds);
              };
            if (property === "fork")
              return () => {
                this.mark(this.outgoing(target.node.id).map((edge) => edge.id));
                return bound();
              };
            return bound;
          },
        });
      wrapped[type] = {
        enter: (ctx) => behaviour.enter(observe(ctx)),
        ...(behaviour.resume ? { resume: (ctx, event) => behaviour.resume?.(observe(ctx), event) } : {}),
      };
    }
    return wrapped;
  }

  /** Edges the engine moved along itself: escalating attached timers and firing joins. */
  observeHistory(history: readonly HistoryEntry[]): void {
    for (const entry of history) {
      if (entry.type === "timer.fired" && entry.nodeId !== undefined) {
        const timerId = entry.data?.timerId;
        this.mark(
          this.outgoing(entry.nodeId)
            .filter((edge) => edge.outcome === timerId)
            .map((edge) => edge.id),
        );
      }
      if (entry.type === "join.fired" && entry.nodeId !== undefined) {
        this.mark(this.edgesByOutcome(entry.nodeId, undefined));
      }
    }
  }

  missing(): string[] {
    return this.definition.edges.map((edge) => edge.id).filter((id) => !this.taken.has(id));
  }

  percent(): number {
    const total = this.definition.edges.length;
    return total === 0 ? 100 : Math.round((1000 * (total - this.missing().length)) / total) / 10;
  }
}
