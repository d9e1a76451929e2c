import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";

/*
 * Finds hand-written copies of server payload types: an interface or object type alias
 * whose property names are (nearly) those of a schema of the API contract. The web app
 * imports those types from @flowdesk/core instead; a copy drifts silently when the server
 * changes, which is what the contract exists to prevent.
 */

export interface DeclaredShape {
  file: string;
  name: string;
  properties: string[];
}

export interface PayloadCopy extends DeclaredShape {
  schema: string;
  matched: string[];
}

/** At least this many properties, this share of them matching one contract schema. */
export const MIN_PROPERTIES = 3;
export const MIN_SHARE = 0.8;

const ownProperties = (members: ts.NodeArray<ts.TypeElement>): string[] =>
  members.flatMap((member) =>
    ts.isPropertySignature(member) && (ts.isIdentifier(member.name) || ts.isStringLiteral(member.name))
      ? [member.name.text]
      : [],
  );

/** Interfaces and `type X = { ... }` (also inside `A & { ... }`) declared in one source text. */
export const declaredShapes = (file: string, text: string): DeclaredShape[] => {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const shapes: DeclaredShape[] = [];
  const literalsOf = (type: ts.TypeNode): ts.TypeLiteralNode[] => {
    if (ts.isTypeLiteralNode(type)) return [type];
    if (ts.isIntersectionTypeNode(type) || ts.isUnionTypeNode(type)) return type.types.flatMap(literalsOf);
    if (ts.isParenthesizedTypeNode(type)) return literalsOf(type.type);
    return [];
  };
  const visit = (node: ts.Node): void => {
    if (ts.isInterfaceDeclaration(node)) {
      shapes.push({ file, name: node.name.text, properties: ownProperties(node.members) });
    } else if (ts.isTypeAliasDeclaration(node)) {
      for (const literal of literalsOf(node.type)) {
        shapes.push({ file, name: node.name.text, properties: ownProperties(literal.members) });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return shapes;
};

/** Contract schemas by name: the property names of each exported object schema. */
export const contractShapes = (exports: Record<string, unknown>): Map<string, Set<string>> => {
  const kind = Symbol.for("TypeBox.Kind");
  const shapes = new Map<string, Set<string>>();
  for (const [name, value] of Object.entries(exports)) {
    if (typeof value !== "object" || value === null || !(kind in value)) continue;
    const properties = (value as { properties?: Record<string, unknown> }).properties;
    if (properties !== undefined) shapes.set(name, new Set(Object.keys(properties)));
  }
  return shapes;
};

export const findPayloadCopies = (
  shapes: readonly DeclaredShape[],
  contract: ReadonlyMap<string, ReadonlySet<string>>,
): PayloadCopy[] =>
  shapes.flatMap((shape) => {
    if (shape.properties.length < MIN_PROPERTIES) return [];
    let best: PayloadCopy | undefined;
    for (const [schema, names] of contract) {
      const matched = shape.properties.filter((property) => names.has(property));
      if (matched.length < MIN_PROPERTIES || matched.length / shape.properties.length < MIN_SHARE) continue;
      if (best === undefined || matched.length > best.matched.length) best = { ...shape, schema, matched };
    }
    return best === undefined ? [] : [best];
  });

/** Every .ts and .tsx file under `root`, as shapes, with paths relative to `base`. */
export const shapesUnder = (root: string, base: string): DeclaredShape[] => {
  const out: DeclaredShape[] = [];
  const walk = (directory: string): void => {
    for (const entry of readdirSync(directory)) {
      const path = join(directory, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.tsx?$/.test(entry))
        out.push(...declaredShapes(relative(base, path), readFileSync(path, "utf8")));
    }
  };
  walk(root);
  return out;
};
