import { childrenOf, type ExpressionNode } from "./expression-tree.ts";

/** Names that are CEL types, not variables, when used as plain identifiers (`type(x) == int`). */
const TYPE_IDENTIFIERS = new Set([
  "bool",
  "bytes",
  "double",
  "dyn",
  "int",
  "list",
  "map",
  "null_type",
  "string",
  "type",
  "uint",
]);

export interface ExpressionReferences {
  rootVariables: string[];
  memberPaths: string[][];
}

/**
 * The member path of a pure access chain (`a.b["c"].d`) rooted at a free identifier, or
 * undefined when the chain contains anything else (a call, a computed index...).
 */
const accessPath = (node: ExpressionNode, bound: ReadonlySet<string>): string[] | undefined => {
  const path: string[] = [];
  let current: ExpressionNode | undefined = node;
  while (current !== undefined) {
    const kind: ExpressionNode["exprKind"] = current.exprKind;
    if (kind.case === "identExpr") {
      if (bound.has(kind.value.name) || TYPE_IDENTIFIERS.has(kind.value.name)) return undefined;
      path.unshift(kind.value.name);
      return path;
    }
    if (kind.case === "selectExpr") {
      path.unshift(kind.value.field);
      current = kind.value.operand;
      continue;
    }
    if (kind.case === "callExpr" && kind.value.function === "_[_]" && kind.value.target === undefined) {
      const index = kind.value.args[1]?.exprKind;
      if (index?.case !== "constExpr" || index.value.constantKind.case !== "stringValue") return undefined;
      path.unshift(index.value.constantKind.value);
      current = kind.value.args[0];
      continue;
    }
    return undefined;
  }
  return undefined;
};

/**
 * Variables an expression reads, for design-time checks against the workflow's
 * variable schema. Variables bound by macros (`x` in `items.exists(x, x > 1)`) are
 * local and not reported.
 */
export const collectReferences = (root: ExpressionNode): ExpressionReferences => {
  const roots: string[] = [];
  const paths = new Map<string, string[]>();
  const record = (path: string[]): void => {
    const [first] = path;
    if (first !== undefined && !roots.includes(first)) roots.push(first);
    const key = JSON.stringify(path);
    if (!paths.has(key)) paths.set(key, path);
  };
  // Depth is bounded by parseExpression before this runs, so recursion is safe.
  const visit = (node: ExpressionNode, bound: ReadonlySet<string>): void => {
    const kind = node.exprKind;
    if (kind.case === "identExpr" || kind.case === "selectExpr" || kind.case === "callExpr") {
      const path = accessPath(node, bound);
      if (path !== undefined) {
        record(path);
        return;
      }
    }
    if (kind.case === "comprehensionExpr") {
      const c = kind.value;
      const inner = new Set(bound);
      for (const name of [c.iterVar, c.iterVar2, c.accuVar]) if (name !== "") inner.add(name);
      if (c.iterRange !== undefined) visit(c.iterRange, bound);
      if (c.accuInit !== undefined) visit(c.accuInit, bound);
      for (const part of [c.loopCondition, c.loopStep, c.result]) if (part !== undefined) visit(part, inner);
      return;
    }
    for (const child of childrenOf(node)) visit(child, bound);
  };
  visit(root, new Set());
  return { rootVariables: roots, memberPaths: [...paths.values()] };
};

/** Every function or operator an expression calls, with the node id of each call. */
export const collectCalls = (root: ExpressionNode): { name: string; id: bigint }[] => {
  const calls: { name: string; id: bigint }[] = [];
  const stack: ExpressionNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as ExpressionNode;
    if (node.exprKind.case === "callExpr") calls.push({ name: node.exprKind.value.function, id: node.id });
    stack.push(...childrenOf(node));
  }
  return calls;
};
