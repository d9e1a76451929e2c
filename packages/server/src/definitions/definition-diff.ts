import { canonicalJson } from "@flowdesk/store";

export interface DiffSections {
  added: Record<string, string[]>;
  removed: Record<string, string[]>;
  changed: Record<string, string[]>;
}

type Keyed = Map<string, string>;

const byId = (items: unknown): Keyed => {
  const out: Keyed = new Map();
  if (!Array.isArray(items)) return out;
  for (const item of items) {
    const id = (item as { id?: unknown } | null)?.id;
    if (typeof id === "string") out.set(id, canonicalJson(item));
  }
  return out;
};

const byKey = (record: unknown): Keyed => {
  const out: Keyed = new Map();
  if (typeof record !== "object" || record === null || Array.isArray(record)) return out;
  for (const [key, value] of Object.entries(record)) out.set(key, canonicalJson(value));
  return out;
};

const compare = (before: Keyed, after: Keyed) => ({
  added: [...after.keys()].filter((key) => !before.has(key)).sort(),
  removed: [...before.keys()].filter((key) => !after.has(key)).sort(),
  changed: [...after.keys()].filter((key) => before.has(key) && before.get(key) !== after.get(key)).sort(),
});

/** What a definition is made of, per kind: the parts a person reviews before publishing. */
const sectionsOf = (kind: string, document: unknown): Record<string, Keyed> => {
  const doc = (document ?? {}) as Record<string, unknown>;
  if (kind === "workflow") return { nodes: byId(doc.nodes), edges: byId(doc.edges) };
  if (kind === "form") {
    const schema = (doc.schema ?? {}) as { properties?: unknown };
    return { fields: byKey(schema.properties) };
  }
  // Other kinds: their top-level properties.
  return { properties: byKey(doc) };
};

/** Added, removed and changed parts between two versions of one definition (by id or field name). */
export const diffDefinitions = (kind: string, from: unknown, to: unknown): DiffSections => {
  const before = sectionsOf(kind, from);
  const after = sectionsOf(kind, to);
  const result: DiffSections = { added: {}, removed: {}, changed: {} };
  for (const section of Object.keys(after)) {
    const outcome = compare(before[section] ?? new Map(), after[section] ?? new Map());
    result.added[section] = outcome.added;
    result.removed[section] = outcome.removed;
    result.changed[section] = outcome.changed;
  }
  return result;
};
