import type { WorkflowDefinition, WorkflowEdge, WorkflowNode } from "@flowdesk/core";

/*
 * The workflow sent to the validation worker after each edit, as a delta: every node,
 * edge and position that is the very same object as in the previous message travels as
 * its id only. Edits replace only what they change (structural sharing), so after one
 * edit of a 1,000-step workflow a message copies one step instead of all of them. Both
 * ends remember the last message, so they must see every message, in order.
 */

type Point = { x: number; y: number };

/** Items in order: `items[i]` in full, or null with `shared[i]` naming the item sent before. */
export interface SharedList<T> {
  items: (T | null)[];
  shared: (string | null)[];
}

export interface DefinitionDelta {
  rest: Omit<WorkflowDefinition, "nodes" | "edges" | "layout">;
  nodes: SharedList<WorkflowNode>;
  edges: SharedList<WorkflowEdge>;
  /** Positions: null for one that did not change. */
  layout?: { rest: Record<string, unknown>; nodes: Record<string, Point | null> };
}

const idOf = (item: unknown): string | undefined => {
  const id = typeof item === "object" && item !== null ? (item as { id?: unknown }).id : undefined;
  return typeof id === "string" ? id : undefined;
};

/** Identity-keyed memory of what the other side already holds, by id. */
class Sent<T> {
  private byId = new Map<string, T>();

  encode(list: readonly T[]): SharedList<T> {
    const next = new Map<string, T>();
    const items: (T | null)[] = [];
    const shared: (string | null)[] = [];
    for (const item of list) {
      const id = idOf(item);
      // Malformed items and ids used twice (problems the validator reports) go in full.
      const reuse = id !== undefined && this.byId.get(id) === item && !next.has(id);
      if (id !== undefined && !next.has(id)) next.set(id, item);
      items.push(reuse ? null : item);
      shared.push(reuse ? (id ?? null) : null);
    }
    this.byId = next;
    return { items, shared };
  }

  decode(list: SharedList<T>): T[] {
    const next = new Map<string, T>();
    const decoded = list.items.map((entry, index) => {
      const id = list.shared[index];
      let item = entry as T;
      if (typeof id === "string") {
        const known = this.byId.get(id);
        if (known === undefined) throw new Error(`The delta names ${id}, which was never sent.`);
        item = known;
      }
      const ownId = idOf(item);
      if (ownId !== undefined && !next.has(ownId)) next.set(ownId, item);
      return item;
    });
    this.byId = next;
    return decoded;
  }
}

export class DeltaEncoder {
  private readonly nodes = new Sent<WorkflowNode>();
  private readonly edges = new Sent<WorkflowEdge>();
  private positions = new Map<string, Point>();

  encode(definition: WorkflowDefinition): DefinitionDelta {
    const { nodes, edges, layout, ...rest } = definition;
    const delta: DefinitionDelta = {
      rest,
      nodes: this.nodes.encode(nodes),
      edges: this.edges.encode(edges),
    };
    if (layout) {
      const { nodes: points = {}, ...layoutRest } = layout as { nodes?: Record<string, Point> };
      const encoded: Record<string, Point | null> = {};
      const next = new Map<string, Point>();
      for (const [id, point] of Object.entries(points)) {
        encoded[id] = point !== null && this.positions.get(id) === point ? null : point;
        next.set(id, point);
      }
      this.positions = next;
      delta.layout = { rest: layoutRest, nodes: encoded };
    } else {
      this.positions = new Map();
    }
    return delta;
  }
}

export class DeltaDecoder {
  private readonly nodes = new Sent<WorkflowNode>();
  private readonly edges = new Sent<WorkflowEdge>();
  private positions = new Map<string, Point>();

  decode(delta: DefinitionDelta): WorkflowDefinition {
    const definition = {
      ...delta.rest,
      nodes: this.nodes.decode(delta.nodes),
      edges: this.edges.decode(delta.edges),
    } as WorkflowDefinition;
    if (delta.layout) {
      const points: Record<string, Point> = {};
      const next = new Map<string, Point>();
      for (const [id, point] of Object.entries(delta.layout.nodes)) {
        const known = point ?? this.positions.get(id) ?? null;
        points[id] = known as Point;
        if (known !== null) next.set(id, known);
      }
      this.positions = next;
      definition.layout = { ...delta.layout.rest, nodes: points } as WorkflowDefinition["layout"];
    } else {
      this.positions = new Map();
    }
    return definition;
  }
}
