import {
  clearExpressionCache,
  EXPRESSION_CACHE_CAPACITY,
  evaluateCondition,
  evaluateExpression,
  expressionCacheSize,
} from "@flowdesk/core";
import { beforeEach, describe, expect, it } from "vitest";
import { thrownBy } from "./expression-error.ts";

describe("compiled expression cache", () => {
  beforeEach(() => clearExpressionCache());

  it("compiles a repeated expression once", () => {
    // when
    for (const priority of ["P1", "P2", "P3"]) evaluateCondition('priority == "P1"', { priority });
    // then
    expect(expressionCacheSize()).toBe(1);
  });

  it("gives each evaluation its own variables", () => {
    // when
    const results = ["P1", "P2"].map((priority) => evaluateCondition('priority == "P1"', { priority }));
    // then
    expect(results).toEqual([true, false]);
  });

  it("stays bounded when many distinct expressions are evaluated", () => {
    // when
    for (let i = 0; i < EXPRESSION_CACHE_CAPACITY + 200; i++) evaluateExpression(`n + ${i}`, { n: 1 });
    // then
    expect(expressionCacheSize()).toBe(EXPRESSION_CACHE_CAPACITY);
    expect(evaluateExpression("n + 0", { n: 1 })).toBe(1);
  });

  it("still applies tighter limits to an expression compiled under looser ones", () => {
    // given
    const source = "((((a))))";
    evaluateExpression(source, { a: 1 });
    // when
    const tooLong = thrownBy(() => evaluateExpression(source, { a: 1 }, { maxSourceLength: 5 }));
    const tooDeep = thrownBy(() => evaluateExpression(source, { a: 1 }, { maxNestingDepth: 2 }));
    // then
    expect(tooLong.code).toBe("FD3002");
    expect(tooDeep.code).toBe("FD3003");
  });

  it("does not cache expressions that fail to compile", () => {
    // when
    thrownBy(() => evaluateExpression("a +", {}));
    // then
    expect(expressionCacheSize()).toBe(0);
  });
});
