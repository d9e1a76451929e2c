import { checkExpression, checkTemplate } from "@flowdesk/core";
import { describe, expect, it } from "vitest";

describe("checkExpression", () => {
  it("lists root variables and member paths read", () => {
    // when
    const check = checkExpression("requester.manager == x");
    // then
    expect(check).toEqual({
      ok: true,
      rootVariables: ["requester", "x"],
      memberPaths: [["requester", "manager"], ["x"]],
    });
  });

  it("does not report variables bound by macros", () => {
    // when
    const check = checkExpression(
      "items.exists(x, x > threshold) && tasks.all(t, t.done) && a.map(v, v * k)",
    );
    // then
    expect(check).toEqual({
      ok: true,
      rootVariables: ["items", "threshold", "tasks", "a", "k"],
      memberPaths: [["items"], ["threshold"], ["tasks"], ["a"], ["k"]],
    });
  });

  it("reports a macro-bound name again when it is read outside its macro", () => {
    // when
    const check = checkExpression("items.exists(x, x > 1) || x == 0");
    // then
    expect(check.ok && check.rootVariables).toEqual(["items", "x"]);
  });

  it("follows has(), constant-key indexes and method targets; a computed index splits the path", () => {
    // when
    const check = checkExpression(
      'has(requester.manager.email) && response["body"].id.startsWith(p) && rows[i].name == ""',
    );
    // then
    expect(check).toEqual({
      ok: true,
      rootVariables: ["requester", "response", "p", "rows", "i"],
      memberPaths: [["requester", "manager", "email"], ["response", "body", "id"], ["p"], ["rows"], ["i"]],
    });
  });

  it("does not take CEL type names for variables", () => {
    // when
    const check = checkExpression("type(count) == int");
    // then
    expect(check.ok && check.rootVariables).toEqual(["count"]);
  });

  it("reports each path once, in reading order", () => {
    // when
    const check = checkExpression("priority == 'P1' || priority == 'P2' || requester.vip || requester.vip");
    // then
    expect(check).toEqual({
      ok: true,
      rootVariables: ["priority", "requester"],
      memberPaths: [["priority"], ["requester", "vip"]],
    });
  });

  it.each([
    ['priority == "P1" &&', 17],
    ["a.b.", 3],
    ['"unterminated', 0],
  ])("reports the syntax error in %j with an offset", (source, offset) => {
    // when
    const check = checkExpression(source);
    // then
    expect(check).toMatchObject({ ok: false, code: "FD3001" });
    expect(check.ok === false && check.offset).toBe(offset);
  });

  it("flags an unknown function with its offset", () => {
    // when
    const check = checkExpression('priority == "P1" && prioritize(impact)');
    // then
    expect(check).toEqual({
      ok: false,
      code: "FD3011",
      message: "There is no function named prioritize.",
      offset: 20,
    });
  });

  it("accepts the ITSM helpers and standard functions", () => {
    // when
    const check = checkExpression(
      'priorityFromMatrix(i, u) == "P1" && size(s) > 0 && s.endsWith("x") && hoursSince(t, now) > 4.0',
    );
    // then
    expect(check.ok).toBe(true);
  });

  it("reports an empty expression", () => {
    // when
    const check = checkExpression("   ");
    // then
    expect(check).toMatchObject({ ok: false, code: "FD3001" });
  });

  it("never throws, whatever it is given", () => {
    // when
    // (null, undefined and 42 read as the identifiers and number they print as)
    const checks = [null, undefined, 42, {}].map((value) => checkExpression(value as unknown as string));
    // then
    expect(checks.map((c) => c.ok)).toEqual([true, true, true, false]);
  });
});

describe("checkTemplate", () => {
  it("unions the variables of every placeholder", () => {
    // when
    const check = checkTemplate(
      "Dear {{ requester.name }}, {{ instance.id }} for {{ requester.name }} is {{ priority }}",
    );
    // then
    expect(check).toEqual({
      ok: true,
      rootVariables: ["requester", "instance", "priority"],
      memberPaths: [["requester", "name"], ["instance", "id"], ["priority"]],
    });
  });

  it("reports an unclosed placeholder", () => {
    // when
    const check = checkTemplate("Hello {{ requester.name }} and {{ oops");
    // then
    expect(check).toEqual({
      ok: false,
      code: "FD3009",
      message: "A {{ placeholder is not closed with }}.",
      offset: 31,
    });
  });

  it("points a placeholder's syntax error into the template", () => {
    // given
    const template = "Ticket {{ instance.id + }}";
    // when
    const check = checkTemplate(template);
    // then
    expect(check).toMatchObject({ ok: false, code: "FD3001" });
    expect(check.ok === false && check.offset).toBeGreaterThan(template.indexOf("{{"));
  });

  it("accepts text without placeholders", () => {
    // when
    const check = checkTemplate("Your request was received.");
    // then
    expect(check).toEqual({ ok: true, rootVariables: [], memberPaths: [] });
  });
});
