import { parse } from "@bufbuild/cel";
import { EXPRESSION_CODES, ExpressionFailure } from "./expression-codes.ts";
import { type ExpressionLimits, TREE_DEPTH_FACTOR } from "./limits.ts";

/** The parsed form of an expression: a cel.expr.ParsedExpr with its source positions. */
export type ParsedExpression = ReturnType<typeof parse>;
export type ExpressionNode = ParsedExpression["expr"];

/** Direct sub-expressions of a node, in source order. */
export const childrenOf = (node: ExpressionNode): ExpressionNode[] => {
  const kind = node.exprKind;
  switch (kind.case) {
    case "selectExpr":
      return kind.value.operand === undefined ? [] : [kind.value.operand];
    case "callExpr":
      return kind.value.target === undefined ? kind.value.args : [kind.value.target, ...kind.value.args];
    case "listExpr":
      return kind.value.elements;
    case "structExpr":
      return kind.value.entries.flatMap((entry) => {
        const key = entry.keyKind.case === "mapKey" ? [entry.keyKind.value] : [];
        return entry.value === undefined ? key : [...key, entry.value];
      });
    case "comprehensionExpr": {
      const c = kind.value;
      return [c.iterRange, c.accuInit, c.loopCondition, c.loopStep, c.result].filter(
        (n): n is ExpressionNode => n !== undefined,
      );
    }
    default:
      return [];
  }
};

/** Depth of the tree, computed without recursion so no input can exhaust the stack here. */
export const treeDepth = (root: ExpressionNode): number => {
  let deepest = 0;
  const stack: [ExpressionNode, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [ExpressionNode, number];
    if (depth > deepest) deepest = depth;
    for (const child of childrenOf(node)) stack.push([child, depth + 1]);
  }
  return deepest;
};

/** Character offset of a node in the source, when the parser recorded one. */
export const offsetOf = (parsed: ParsedExpression, id: bigint | number | undefined): number | undefined =>
  id === undefined ? undefined : parsed.sourceInfo?.positions[String(id)];

interface SyntaxErrorShape {
  rawMessage?: unknown;
  location?: { start?: { offset?: number; line?: number; column?: number } };
}

/**
 * Parses already pre-scanned source. Syntax errors become an FD3001 failure with the
 * offset; a stack overflow (only reachable with loosened limits) becomes FD3003.
 */
export const parseExpression = (
  source: string,
  limits: ExpressionLimits,
): { parsed: ParsedExpression; depth: number } => {
  let parsed: ParsedExpression;
  try {
    parsed = parse(source);
  } catch (thrown) {
    if (thrown instanceof RangeError) {
      throw new ExpressionFailure({
        code: EXPRESSION_CODES.tooDeep,
        message: "The expression is nested too deeply to be read.",
      });
    }
    const shape = thrown as SyntaxErrorShape;
    const start = shape.location?.start;
    const detail =
      typeof shape.rawMessage === "string" ? shape.rawMessage : String((thrown as Error).message ?? thrown);
    const where = start?.line === undefined ? "" : ` at line ${start.line}, column ${start.column}`;
    throw new ExpressionFailure({
      code: EXPRESSION_CODES.syntax,
      message: `Syntax error${where}: ${detail}.`,
      ...(start?.offset === undefined ? {} : { offset: start.offset }),
    });
  }
  const maxTreeDepth = limits.maxNestingDepth * TREE_DEPTH_FACTOR;
  const depth = treeDepth(parsed.expr);
  if (depth > maxTreeDepth) {
    throw new ExpressionFailure({
      code: EXPRESSION_CODES.tooDeep,
      message: `The expression chains or nests more than ${maxTreeDepth} operations; split it into smaller steps.`,
    });
  }
  return { parsed, depth };
};
