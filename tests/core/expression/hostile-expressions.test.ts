import {
  checkExpression,
  checkTemplate,
  evaluateCondition,
  evaluateExpression,
  renderTemplate,
} from "@flowdesk/core";
import { afterEach, describe, expect, it } from "vitest";
import { thrownBy } from "./expression-error.ts";

const MB = 1024 * 1024;
const numbers = (n: number) => Array.from({ length: n }, (_, i) => i);

/** Object.prototype must look exactly as it did before any hostile expression ran. */
const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();
afterEach(() => {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
});

describe("size limits before parsing", () => {
  it("rejects a 1 MB source without parsing it", () => {
    // given
    const source = `priority == "${"x".repeat(MB)}"`;
    // when
    const error = thrownBy(() => evaluateCondition(source, { priority: "P1" }));
    // then
    expect(error.code).toBe("FD3002");
    expect(error.kind).toBe("user");
  });

  it("rejects 100,000 nested parentheses with a clear error, not a stack overflow", () => {
    // given
    const source = `${"(".repeat(100_000)}1${")".repeat(100_000)}`;
    // when
    const check = checkExpression(source, { maxSourceLength: 1_000_000 });
    const error = thrownBy(() => evaluateExpression(source, {}, { maxSourceLength: 1_000_000 }));
    // then
    expect(check).toMatchObject({ ok: false, code: "FD3003", offset: 32 });
    expect(error.code).toBe("FD3003");
  });

  it.each([
    ["brackets", `${"[".repeat(40)}${"]".repeat(40)}`],
    ["braces", `${"{1: ".repeat(40)}1${"}".repeat(40)}`],
  ])("rejects deeply nested %s", (_kind, source) => {
    // when
    const check = checkExpression(source);
    // then
    expect(check).toMatchObject({ ok: false, code: "FD3003" });
  });

  it("does not count brackets inside string literals", () => {
    // when
    const result = evaluateExpression(
      `"${"(".repeat(100)}" + '${"[".repeat(100)}' + r"""${"{".repeat(100)}"""`,
      {},
    );
    // then
    expect(result).toBe(`${"(".repeat(100)}${"[".repeat(100)}${"{".repeat(100)}`);
  });

  it("rejects a long operator chain that would exhaust the evaluator's stack", () => {
    // given
    const source = Array.from({ length: 1_500 }, () => "a").join("+");
    // when
    const error = thrownBy(() => evaluateExpression(source, { a: 1 }, { maxSourceLength: 10_000 }));
    // then
    expect(error.code).toBe("FD3003");
  });

  it.each([
    ["!", "true", 4_000, true],
    ["!", "true", 4_001, false],
    ["-", "x", 4_000, 1],
    ["-", "x", 4_001, -1],
  ])("folds %s repeated %i times without deep recursion", (operator, operand, times, expected) => {
    // when
    const result = evaluateExpression(
      `${operator.repeat(times)}${operand}`,
      { x: 1 },
      { maxSourceLength: 5_000 },
    );
    // then
    expect(result).toBe(expected);
  });
});

describe("cost budget at run time", () => {
  it("stops nested macros over a large list quickly with a cost error", () => {
    // given
    const items = numbers(2_000);
    // when
    const error = thrownBy(() =>
      evaluateExpression("items.map(x, items.map(y, items.map(z, x + y + z)))", { items }),
    );
    // then
    expect(error.code).toBe("FD3006");
    expect(error.message).toContain("100000 units of work");
  });

  it("does not let || or exists() swallow an exhausted budget", () => {
    // given
    const items = numbers(1_000);
    // when
    const error = thrownBy(() =>
      evaluateCondition("items.exists(x, items.exists(y, items.exists(z, x + y + z < 0))) || true", {
        items,
      }),
    );
    // then
    expect(error.code).toBe("FD3006");
  });

  it("honours a tighter cost limit given by the caller", () => {
    // when
    const error = thrownBy(() =>
      evaluateExpression("items.all(x, x >= 0)", { items: numbers(50) }, { maxCost: 20 }),
    );
    // then
    expect(error.code).toBe("FD3006");
  });

  it("charges reading large input lists", () => {
    // when
    const error = thrownBy(() => evaluateExpression("size(items)", { items: numbers(200_000) }));
    // then
    expect(error.code).toBe("FD3006");
  });

  it("bounds strings grown by concatenation inside a macro", () => {
    // given
    const text = "x".repeat(100_000);
    // when
    const error = thrownBy(() =>
      evaluateExpression("items.map(i, text + text).size()", { items: numbers(1_000), text }),
    );
    // then
    expect(error.code).toBe("FD3006");
  });

  it("bounds list growth by concatenation", () => {
    // when
    const error = thrownBy(() =>
      evaluateExpression(
        "items + items + items + items + items + items",
        { items: numbers(60_000) },
        { maxCost: 10_000_000 },
      ),
    );
    // then
    expect(error.code).toBe("FD3007");
  });

  it("charges a membership test by the size of the list it searches", () => {
    // given
    const items = numbers(20_000);
    const others = numbers(20_000).map((n) => -n - 1);
    // when
    const error = thrownBy(() => evaluateCondition("items.exists(i, i in others)", { items, others }));
    // then
    expect(error.code).toBe("FD3006");
  });

  it("charges comparing large lists inside a macro", () => {
    // given
    const items = numbers(10_000);
    // when
    const error = thrownBy(() => evaluateCondition("items.all(i, items == items)", { items }));
    // then
    expect(error.code).toBe("FD3006");
  });

  it("charges comparing nested data by its full size", () => {
    // given
    const items = numbers(10_000);
    // when
    const error = thrownBy(() => evaluateCondition("items.all(i, [items] == [items])", { items }));
    // then
    expect(error.code).toBe("FD3006");
  });

  it("charges the text helpers by the size of their input", () => {
    // given
    const description = "D".repeat(MB);
    // when
    const error = thrownBy(() =>
      evaluateExpression('items.filter(i, lower(description) == "x")', { items: numbers(200), description }),
    );
    // then
    expect(error.code).toBe("FD3006");
  });

  it("charges reading a 1 MB text once per iteration", () => {
    // given
    const description = "d".repeat(MB);
    // when
    const error = thrownBy(() =>
      evaluateExpression("items.map(i, size(description) + i)", { items: numbers(200), description }),
    );
    // then
    expect(error.code).toBe("FD3006");
  });

  it("keeps ordinary macros on realistic data well inside the budget", () => {
    // when
    const result = evaluateExpression("items.filter(x, x % 2 == 0).map(x, x * 10).size()", {
      items: numbers(1_000),
    });
    // then
    expect(result).toBe(500);
  });
});

describe("regular expressions", () => {
  it("refuses a pattern from data longer than 256 characters", () => {
    // when
    const error = thrownBy(() =>
      evaluateCondition("text.matches(pattern)", { text: "abc", pattern: "a".repeat(MB) }),
    );
    // then
    expect(error.code).toBe("FD3005");
    expect(error.message).toContain("the limit is 256");
  });

  it("charges matching by text length and pattern size", () => {
    // when
    const error = thrownBy(() => evaluateCondition('text.matches(".{1000}")', { text: "ab".repeat(50_000) }));
    // then
    expect(error.code).toBe("FD3006");
  });

  it("charges compiling a new pattern per item inside a macro", () => {
    // given
    const items = Array.from({ length: 2_000 }, (_, i) => `ticket-${i}`);
    // when
    const error = thrownBy(() =>
      evaluateExpression('items.filter(x, x.matches("^" + x + "$")).size()', { items }),
    );
    // then
    expect(error.code).toBe("FD3006");
  });

  it("compiles a literal pattern once for a whole macro", () => {
    // given
    const items = Array.from({ length: 2_000 }, (_, i) => `INC${String(i).padStart(6, "0")}`);
    // when
    const result = evaluateCondition('items.all(x, x.matches("^INC[0-9]{6}$"))', { items });
    // then
    expect(result).toBe(true);
  });

  it("has no catastrophic backtracking", () => {
    // when
    const result = evaluateCondition('text.matches("^(a+)+$")', { text: `${"a".repeat(10_000)}b` });
    // then
    expect(result).toBe(false);
  });
});

describe("templates", () => {
  it("refuses a template with thousands of distinct placeholders before parsing any", () => {
    // given
    const template = Array.from({ length: 5_000 }, (_, i) => `{{ ${i} }}`).join(" ");
    // when
    const error = thrownBy(() => renderTemplate(template, {}));
    const check = checkTemplate(template);
    // then
    expect(error.code).toBe("FD3002");
    expect(check).toMatchObject({ ok: false, code: "FD3002" });
  });

  it("refuses a 1 MB template", () => {
    // when
    const check = checkTemplate("x".repeat(MB));
    // then
    expect(check).toMatchObject({ ok: false, code: "FD3002" });
  });
});

describe("1 MB inputs and outputs", () => {
  it("reads a 1 MB string variable but refuses to return it whole", () => {
    // given
    const description = "a".repeat(MB);
    // when
    const length = evaluateExpression("size(description)", { description });
    const error = thrownBy(() => evaluateExpression("description", { description }));
    // then
    expect(length).toBe(MB);
    expect(error.code).toBe("FD3007");
  });

  it("refuses to double a 1 MB string", () => {
    // given
    const description = "a".repeat(MB);
    // when
    const error = thrownBy(() => evaluateCondition("size(description + description) > 0", { description }));
    // then
    expect(error.code).toBe("FD3007");
  });

  it("refuses a template that renders a 1 MB variable", () => {
    // when
    const error = thrownBy(() => renderTemplate("Body: {{ body }}", { body: "b".repeat(MB) }));
    // then
    expect(error.code).toBe("FD3007");
  });

  it("refuses data nested deeper than it will read", () => {
    // given
    let deep: unknown = 1;
    for (let i = 0; i < 10_000; i++) deep = { d: deep };
    // when
    const error = thrownBy(() => evaluateExpression("deep.d", { deep }));
    // then
    expect(error.code).toBe("FD3010");
  });
});

describe("no host access", () => {
  it.each([
    "x.constructor",
    'x["constructor"]',
    "x.__proto__",
    'x["__proto__"]',
    "x.prototype",
    "x.toString",
    "x.hasOwnProperty",
  ])("%s is a missing field, not a JavaScript property", (source) => {
    // when
    const error = thrownBy(() => evaluateExpression(source, { x: { name: "a" } }));
    // then
    expect(error.code).toBe("FD3005");
    expect(error.kind).toBe("user");
  });

  it.each(["constructor", "__proto__", "process", "globalThis", "require", "window", "toString"])(
    "the identifier %s is an unknown variable",
    (source) => {
      // when
      const error = thrownBy(() => evaluateExpression(source, {}));
      // then
      expect(error.code).toBe("FD3004");
    },
  );

  it.each([
    "process.exit(1)",
    "require('fs')",
    "globalThis.eval('1')",
    "constructor.constructor('return process')()",
  ])("%s is refused at design time", (source) => {
    // when
    const check = checkExpression(source);
    // then
    expect(check.ok).toBe(false);
  });

  it("a map literal with a __proto__ key stays a plain own key", () => {
    // when
    const result = evaluateExpression(
      '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"isAdmin": true}}}',
      {},
    );
    // then
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
    expect(Object.keys(result as object)).toEqual(["__proto__", "constructor"]);
    expect((result as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it("variables holding __proto__ keys (parsed JSON) are read as data only", () => {
    // given
    const variables = JSON.parse('{"payload": {"__proto__": {"polluted": true}, "role": "agent"}}');
    // when
    const result = evaluateExpression('payload["__proto__"].polluted && payload.role == "agent"', variables);
    // then
    expect(result).toBe(true);
  });

  it("a variable named $typeName-like data is never taken for a protobuf message", () => {
    // given
    const variables = { data: { $typeName: "google.protobuf.Timestamp", seconds: 1 } };
    // when
    const result = evaluateExpression('data["$typeName"]', variables);
    // then
    expect(result).toBe("google.protobuf.Timestamp");
  });

  it("class instances and functions in variables are refused", () => {
    // when
    const errors = [new Map([["a", 1]]), () => 1, Symbol("s")].map((value) =>
      thrownBy(() => evaluateExpression("v", { v: value })),
    );
    // then
    expect(errors.map((e) => e.code)).toEqual(["FD3010", "FD3010", "FD3010"]);
  });
});
