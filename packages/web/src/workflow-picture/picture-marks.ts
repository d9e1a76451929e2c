import type { HistoryEntryView, WorkflowDefinition } from "@flowdesk/core";

/*
 * What the workflow picture marks on a published version: how many instances wait at each
 * step, the path one instance took, and where it stands now. Pure data in, data out, so the
 * rules are tested without a browser.
 */

/** The history fields the path is read from (the server's history entries carry more). */
/** What the path is read from: history rows (the contract's), whole or in part. */
export type PathHistoryEntry = Pick<HistoryEntryView, "seq" | "type"> &
  Partial<Pick<HistoryEntryView, "nodeId" | "tokenId">>;

export interface TakenPath {
  nodes: ReadonlySet<string>;
  edges: ReadonlySet<string>;
}

export const EMPTY_PATH: TakenPath = { nodes: new Set(), edges: new Set() };

/**
 * The steps an instance entered and the edges it went along. History records each step a
 * token enters, not the edge: a token's consecutive steps name the edge between them, and a
 * token's first step (a fork's or a split's new branch) came along an edge from a step
 * already entered.
 */
export const pathFromHistory = (
  definition: WorkflowDefinition,
  history: readonly PathHistoryEntry[],
): TakenPath => {
  const nodes = new Set<string>();
  const edges = new Set<string>();
  const lastStepOfToken = new Map<string, string>();
  const entries = [...history].filter((entry) => entry.type === "node.entered").sort((a, b) => a.seq - b.seq);
  for (const entry of entries) {
    const nodeId = entry.nodeId;
    if (!nodeId) continue;
    const previous = entry.tokenId ? lastStepOfToken.get(entry.tokenId) : undefined;
    const candidates = definition.edges.filter((edge) =>
      previous === undefined ? edge.target === nodeId && nodes.has(edge.source) : edge.target === nodeId,
    );
    const chosen =
      previous === undefined ? candidates : candidates.filter((edge) => edge.source === previous).slice(0, 1);
    for (const edge of chosen) edges.add(edge.id);
    nodes.add(nodeId);
    if (entry.tokenId) lastStepOfToken.set(entry.tokenId, nodeId);
  }
  return { nodes, edges };
};

/** Node id -> count, for the version drawn; ids the version does not have are dropped. */
export const countsOnVersion = (
  definition: WorkflowDefinition,
  counts: Readonly<Record<string, number>>,
): Map<string, number> => {
  const known = new Set(definition.nodes.map((node) => node.id));
  return new Map(Object.entries(counts).filter(([nodeId, count]) => known.has(nodeId) && count > 0));
};

export interface NodeMark {
  count?: number;
  visited: boolean;
  current: boolean;
}

export interface PictureMarks {
  nodes: Map<string, NodeMark>;
  edges: Set<string>;
}

/** Everything the picture highlights, by node and edge id. */
export const pictureMarks = (
  definition: WorkflowDefinition,
  options: {
    counts?: Readonly<Record<string, number>>;
    path?: TakenPath;
    current?: readonly string[];
  },
): PictureMarks => {
  const counts = countsOnVersion(definition, options.counts ?? {});
  const current = new Set(options.current ?? []);
  const path = options.path ?? EMPTY_PATH;
  const nodes = new Map<string, NodeMark>();
  for (const node of definition.nodes) {
    const count = counts.get(node.id);
    nodes.set(node.id, {
      ...(count === undefined ? {} : { count }),
      visited: path.nodes.has(node.id) || current.has(node.id),
      current: current.has(node.id),
    });
  }
  const edges = new Set([...path.edges].filter((id) => definition.edges.some((edge) => edge.id === id)));
  return { nodes, edges };
};

export interface StandingLine {
  nodeId: string;
  name: string;
  count?: number;
  current: boolean;
}

/**
 * The picture's text alternative: the steps that matter now (where instances wait, with
 * counts, and where the chosen instance stands), in the definition's order.
 */
export const whereItStands = (definition: WorkflowDefinition, marks: PictureMarks): StandingLine[] =>
  definition.nodes.flatMap((node) => {
    const mark = marks.nodes.get(node.id);
    if (!mark || (mark.count === undefined && !mark.current)) return [];
    return [
      {
        nodeId: node.id,
        name: node.name || node.id,
        ...(mark.count === undefined ? {} : { count: mark.count }),
        current: mark.current,
      },
    ];
  });

/**
 * The steps the view first zooms to: where the instance stands, else where instances wait,
 * each with its direct neighbours for context; else (a finished instance) the path it took.
 * Empty means the whole workflow.
 */
export const focusNodes = (definition: WorkflowDefinition, marks: PictureMarks): string[] => {
  const marked = [...marks.nodes].filter(([, mark]) => mark.current).map(([id]) => id);
  const centre =
    marked.length > 0 ? marked : [...marks.nodes].filter(([, mark]) => mark.count).map(([id]) => id);
  if (centre.length === 0)
    return definition.nodes.map((node) => node.id).filter((id) => marks.nodes.get(id)?.visited === true);
  const focus = new Set(centre);
  for (const edge of definition.edges) {
    if (centre.includes(edge.source)) focus.add(edge.target);
    if (centre.includes(edge.target)) focus.add(edge.source);
  }
  return definition.nodes.map((node) => node.id).filter((id) => focus.has(id));
};
