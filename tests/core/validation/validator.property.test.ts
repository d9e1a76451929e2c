import { type Problem, validateDefinition, validateDefinitionSet } from "@flowdesk/core";
import { nodeRegistry } from "@flowdesk/nodes";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { validFixtureFiles } from "./fixture-files.ts";

const options = { registry: nodeRegistry };
const validDocuments = validFixtureFiles().map(({ text }) => JSON.parse(text) as Record<string, unknown>);

const readPointer = (document: unknown, pointer: string): { found: boolean } => {
  let current: unknown = document;
  if (pointer === "") return { found: true };
  for (const raw of pointer.slice(1).split("/")) {
    const segment = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (current === null || typeof current !== "object" || !Object.hasOwn(current, segment))
      return { found: false };
    current = (current as Record<string, unknown>)[segment];
  }
  return { found: true };
};

const parentOf = (pointer: string): string => pointer.slice(0, Math.max(0, pointer.lastIndexOf("/")));

/** FD9000 means a check itself failed and was caught: acceptable only for odd inputs. */
const expectWellFormed = (problems: unknown, document?: unknown, allowUnexpected = false): void => {
  expect(Array.isArray(problems)).toBe(true);
  for (const found of problems as Problem[]) {
    expect(found.code).toMatch(/^FD\d{4}$/);
    if (!allowUnexpected) expect(found.code, found.message).not.toBe("FD9000");
    expect(["error", "warning"]).toContain(found.severity);
    expect(found.pointer === "" || found.pointer.startsWith("/")).toBe(true);
    expect(typeof found.message).toBe("string");
    expect(found.message.length).toBeGreaterThan(0);
    // The place a problem names exists: the value itself, or the object missing it.
    if (document !== undefined) expect(readPointer(document, parentOf(found.pointer)).found).toBe(true);
  }
};

type Mutation = (document: Record<string, unknown>) => void;

const listOf = (document: Record<string, unknown>, key: string): unknown[] | undefined => {
  const value = document[key];
  return Array.isArray(value) ? value : undefined;
};

/** Every container path in a document, to put random values in random places. */
const containers = (value: unknown, path: (string | number)[] = [], out: (string | number)[][] = []) => {
  if (value && typeof value === "object") {
    out.push(path);
    for (const [key, item] of Object.entries(value))
      containers(item, [...path, Array.isArray(value) ? Number(key) : key], out);
  }
  return out;
};

const at = (root: unknown, path: (string | number)[]): Record<string | number, unknown> =>
  path.reduce<unknown>((current, key) => (current as Record<string | number, unknown>)[key], root) as Record<
    string | number,
    unknown
  >;

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc
    .record({ list: fc.constantFrom("nodes", "edges"), pick: fc.nat() })
    .map(({ list, pick }) => (document: Record<string, unknown>) => {
      const items = listOf(document, list);
      if (items && items.length > 0) items.splice(pick % items.length, 1);
    }),
  fc
    .record({ list: fc.constantFrom("nodes", "edges"), pick: fc.nat() })
    .map(({ list, pick }) => (document: Record<string, unknown>) => {
      const items = listOf(document, list);
      if (items && items.length > 0) items.push(structuredClone(items[pick % items.length]));
    }),
  fc
    .record({ list: fc.constantFrom("nodes", "edges"), pick: fc.nat(), name: fc.string({ maxLength: 8 }) })
    .map(({ list, pick, name }) => (document: Record<string, unknown>) => {
      const items = listOf(document, list);
      const item = items?.[pick % Math.max(1, items.length)];
      if (item && typeof item === "object") (item as Record<string, unknown>).id = name;
    }),
  fc
    .record({
      pick: fc.nat(),
      field: fc.constantFrom("source", "target", "outcome"),
      name: fc.string({ maxLength: 8 }),
    })
    .map(({ pick, field, name }) => (document: Record<string, unknown>) => {
      const edges = listOf(document, "edges");
      const edge = edges?.[pick % Math.max(1, edges.length)];
      if (edge && typeof edge === "object") (edge as Record<string, unknown>)[field] = name;
    }),
  fc
    .record({ pick: fc.nat(), key: fc.string({ maxLength: 6 }), value: fc.jsonValue({ maxDepth: 3 }) })
    .map(({ pick, key, value }) => (document: Record<string, unknown>) => {
      const paths = containers(document);
      const path = paths[pick % paths.length]!;
      const target = at(document, path);
      const keys = Object.keys(target);
      if (keys.length > 0 && pick % 3 !== 0) target[keys[pick % keys.length]!] = value;
      else if (Array.isArray(target)) target.push(value);
      else target[key] = value;
    }),
  fc.record({ pick: fc.nat() }).map(({ pick }) => (document: Record<string, unknown>) => {
    const paths = containers(document).filter((path) => path.length > 0);
    if (paths.length === 0) return;
    const path = paths[pick % paths.length]!;
    const parent = at(document, path.slice(0, -1));
    const key = path[path.length - 1]!;
    if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else delete parent[key];
  }),
);

const mutatedDefinition = fc
  .record({
    base: fc.constantFrom(...validDocuments),
    mutations: fc.array(mutation, { minLength: 1, maxLength: 6 }),
  })
  .map(({ base, mutations }) => {
    const document = structuredClone(base);
    for (const mutate of mutations) mutate(document);
    return document;
  });

describe("validator under random input", () => {
  it("never throws on random JSON and returns well-formed problems", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (document) => {
        // when
        const problems = validateDefinition(document, options);
        // then
        expectWellFormed(problems, document);
      }),
      { numRuns: 300 },
    );
  });

  it("never throws on random JSON that claims a known kind", () => {
    const kinds = fc.constantFrom(
      "workflow",
      "form",
      "catalogItem",
      "catalogCategory",
      "slaPolicy",
      "directory",
      "pack",
    );
    fc.assert(
      fc.property(
        kinds,
        fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 4 })),
        (kind, rest) => {
          // given a random object with a known kind
          const document = { ...rest, kind, schemaVersion: 1 };
          // when / then
          expectWellFormed(validateDefinition(document, options), document);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("never throws on mutated valid definitions (nodes and edges dropped, duplicated, renamed, values replaced)", () => {
    fc.assert(
      fc.property(mutatedDefinition, (document: Record<string, unknown>) => {
        // when validated alone, and with the valid definitions as related ones
        const problems = validateDefinition(document, options);
        const withRelated = validateDefinition(document, { ...options, related: validDocuments });
        // then
        expectWellFormed(problems, document);
        expectWellFormed(withRelated, document);
        for (const found of withRelated) expect(found.file).toBeUndefined();
      }),
      { numRuns: 400 },
    );
  });

  it("never throws on sets of mutated and random files, and tags every problem with a file", () => {
    const file = fc.oneof(
      mutatedDefinition,
      fc.constantFrom(...validDocuments),
      fc.jsonValue({ maxDepth: 3 }),
    );
    fc.assert(
      fc.property(fc.array(file, { maxLength: 6 }), (documents) => {
        // given
        const files = documents.map((document, index) => ({ file: `file-${index}.json`, document }));
        // when
        const problems = validateDefinitionSet(files, options);
        // then
        expectWellFormed(problems);
        for (const found of problems) expect(files.map((each) => each.file)).toContain(found.file);
        const order = problems.map((found) => found.file ?? "");
        expect(order).toEqual([...order].sort());
      }),
      { numRuns: 150 },
    );
  });

  it("returns problems instead of throwing on odd inputs", () => {
    // given inputs no file would hold: cycles, deep nesting, wrong argument shapes
    const cyclic: Record<string, unknown> = { schemaVersion: 1, kind: "workflow", id: "loop", title: "Loop" };
    cyclic.nodes = [{ id: "start", type: "start", config: cyclic }];
    cyclic.variables = cyclic;
    let deep: unknown = {};
    for (let depth = 0; depth < 5000; depth++) deep = { config: deep };
    const cases: unknown[] = [
      null,
      undefined,
      42,
      "workflow",
      [],
      cyclic,
      deep,
      { kind: "form", schema: deep },
    ];
    for (const document of cases) {
      // when / then
      expectWellFormed(validateDefinition(document, options), undefined, true);
    }
    expectWellFormed(validateDefinitionSet(null as never, options), undefined, true);
    expectWellFormed(validateDefinitionSet([{ file: "a.json", document: cyclic }], options), undefined, true);
  });
});
