import type { ExpressionNode } from "./expression-tree.ts";
import { childrenOf } from "./expression-tree.ts";
import { LOOP_GUARD } from "./flowdesk-environment.ts";

/**
 * Wraps the loop condition of every macro (`exists`, `all`, `map`, `filter`...) in the
 * budget guard, so each iteration is charged and an exhausted budget ends every loop at
 * once (nested loops included) instead of letting `big.map(x, big.map(y, ...))` run.
 * Mutates the freshly parsed tree; node ids continue after the parser's.
 */
export const guardLoops = (root: ExpressionNode): void => {
  let nextId = 1_000_000n;
  const stack: ExpressionNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as ExpressionNode;
    const kind = node.exprKind;
    if (kind.case === "comprehensionExpr" && kind.value.loopCondition !== undefined) {
      const condition = kind.value.loopCondition;
      kind.value.loopCondition = {
        $typeName: "cel.expr.Expr",
        id: nextId++,
        exprKind: {
          case: "callExpr",
          value: { $typeName: "cel.expr.Expr.Call", function: LOOP_GUARD, args: [condition] },
        },
      } as ExpressionNode;
    }
    stack.push(...childrenOf(node));
  }
};
