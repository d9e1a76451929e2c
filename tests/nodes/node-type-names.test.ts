import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { nodeRegistry } from "@flowdesk/nodes";
import { describe, expect, it } from "vitest";

/*
 * The validator, the engine and the designer ask a node's descriptor what it is (its
 * flow role, ports, the variables it writes...) instead of comparing its type with a
 * type id. This test holds them to it: a check naming a node type may only sit in that
 * type's own folder (packages/nodes/src/<type>/), so adding a type touches its folder
 * and the translations, and nothing grows a switch over node types.
 */

const root = fileURLToPath(new URL("../..", import.meta.url));
const nodeTypes = Object.keys(nodeRegistry);

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\-]/g, "\\$&");

interface TypePatterns {
  type: string;
  compared: RegExp[];
  cased: RegExp;
}

const patternsOf = (types: readonly string[]): TypePatterns[] =>
  types.map((type) => {
    const literal = `["'\`]${escapeRegExp(type)}["'\`]`;
    return {
      type,
      compared: [
        new RegExp(`type\\s*[!=]==?\\s*${literal}`, "i"),
        new RegExp(`${literal}\\s*[!=]==?\\s*[\\w.?]*type\\b`, "i"),
      ],
      cased: new RegExp(`\\bcase\\s+${literal}\\s*:`),
    };
  });

/** Lines of `text` that compare something called type with one of `types`, or switch on it. */
const nodeTypeChecks = (text: string, types: readonly string[]): { type: string; line: number }[] => {
  const patterns = patternsOf(types);
  const found: { type: string; line: number }[] = [];
  let switchOnType = false;
  text.split("\n").forEach((line, index) => {
    const switched = /\bswitch\s*\(([^)]*)\)/.exec(line);
    if (switched) switchOnType = /type/i.test(switched[1]!);
    // Cheap first: most lines name no node type at all.
    if (!/["'`]/.test(line)) return;
    for (const { type, compared, cased } of patterns) {
      if (!line.includes(type)) continue;
      if (compared.some((pattern) => pattern.test(line)) || (switchOnType && cased.test(line))) {
        found.push({ type, line: index + 1 });
      }
    }
  });
  return found;
};

const sourceFiles = (directory: string): string[] =>
  readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });

const packageSources = (): string[] =>
  readdirSync(join(root, "packages")).flatMap((name) => {
    const src = join(root, "packages", name, "src");
    try {
      return statSync(src).isDirectory() ? sourceFiles(src) : [];
    } catch {
      return [];
    }
  });

/** A type's own folder and the translation catalogs may name it. */
const mayName = (file: string, type: string): boolean =>
  file.startsWith(`packages/nodes/src/${type}/`) || file.startsWith("packages/web/src/i18n/");

describe("node types are named only in their own folder", () => {
  it("flags a comparison with a node type and a case of a switch on a type, not other switches", () => {
    // given
    const planted = [
      'if (node.type === "fork") return;',
      "const approval = stepType !== 'approval';",
      'if ("join" === entry.node.type) count++;',
      "switch (node.type) {",
      '  case "timer":',
      "}",
      "switch (purpose.kind) {",
      '  case "timer":',
      "}",
      'if (task.kind === "approval") open();',
      'if (schema.type === "boolean") yesNo();',
    ].join("\n");
    // when
    const found = nodeTypeChecks(planted, nodeTypes);
    // then
    expect(found).toEqual([
      { type: "fork", line: 1 },
      { type: "approval", line: 2 },
      { type: "join", line: 3 },
      { type: "timer", line: 5 },
    ]);
  });

  it("finds no check of a node type outside that type's folder", () => {
    // given
    const files = packageSources();
    // when
    const outside = files.flatMap((path) => {
      const file = relative(root, path);
      return nodeTypeChecks(readFileSync(path, "utf8"), nodeTypes)
        .filter(({ type }) => !mayName(file, type))
        .map(({ type, line }) => `${file}:${line} checks for "${type}"`);
    });
    // then
    expect(nodeTypes.length).toBeGreaterThan(10);
    expect(files.length).toBeGreaterThan(100);
    expect(outside).toEqual([]);
  });
});
