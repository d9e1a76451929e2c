import { evaluateCondition, evaluateExpression } from "@flowdesk/core";
import { describe, expect, it } from "vitest";
import cases from "../../fixtures/expression/condition-cases.json" with { type: "json" };
import incident from "../../fixtures/expression/incident-variables.json" with { type: "json" };
import { thrownBy } from "./expression-error.ts";

describe("evaluateCondition", () => {
  it.each(cases)("evaluates $source to $expected on the incident fixture", ({ source, expected }) => {
    // when
    const result = evaluateCondition(source, incident);
    // then
    expect(result).toBe(expected);
  });

  it("refuses a condition that does not give a boolean", () => {
    // when
    const error = thrownBy(() => evaluateCondition("priority", incident));
    // then
    expect(error.code).toBe("FD3008");
    expect(error.kind).toBe("user");
    expect(error.message).toContain('the text "P1"');
  });

  it("reports an unknown variable by name", () => {
    // when
    const error = thrownBy(() => evaluateCondition('priorty == "P1"', incident));
    // then
    expect(error.code).toBe("FD3004");
    expect(error.message).toBe("The expression reads priorty, but there is no variable of that name.");
  });

  it("does not complain about a missing variable on a branch that is not taken", () => {
    // when
    const result = evaluateCondition("major && escalationLevel > 2", incident);
    // then
    expect(result).toBe(false);
  });
});

describe("evaluateExpression", () => {
  it("returns plain JSON values: whole numbers as numbers, lists and maps as arrays and objects", () => {
    // when
    const result = evaluateExpression(
      '{"count": reopenCount + 1, "half": estimateHours / 2, "services": affectedServices, "vip": requester.vip, "none": null}',
      incident,
    );
    // then
    expect(result).toEqual({ count: 3, half: 0.75, services: ["vpn", "email"], vip: true, none: null });
  });

  it("returns integers beyond the safe range as decimal strings", () => {
    // when
    const result = evaluateExpression("9007199254740993", {});
    // then
    expect(result).toBe("9007199254740993");
  });

  it("accepts Date values and returns timestamps as ISO strings", () => {
    // given
    const now = new Date("2026-11-21T09:00:00Z");
    // when
    const result = evaluateExpression('now + duration("90m")', { now });
    // then
    expect(result).toBe("2026-11-21T10:30:00.000Z");
  });

  it("compares timestamps built from ISO strings with Date variables", () => {
    // when
    const result = evaluateExpression("timestamp(instance.startedAt) < now", {
      ...incident,
      now: new Date("2026-11-21T09:00:00Z"),
    });
    // then
    expect(result).toBe(true);
  });

  it("returns durations in CEL's seconds notation and types by name", () => {
    // when
    const duration = evaluateExpression('duration("1h30m")', {});
    const type = evaluateExpression("type(reopenCount)", incident);
    // then
    expect(duration).toBe("5400s");
    expect(type).toBe("int");
  });

  it("counts text size in Unicode code points", () => {
    // when
    const result = evaluateExpression('[size("Zoë 🚀"), "🚀🚀".size(), size("")]', {});
    // then
    expect(result).toEqual([5, 2, 0]);
  });

  it("maps the results of macros", () => {
    // when
    const result = evaluateExpression('affectedServices.filter(s, s != "vpn").map(s, upper(s))', incident);
    // then
    expect(result).toEqual(["EMAIL"]);
  });

  it("reads the API response of a service call", () => {
    // when
    const result = evaluateExpression("response.body.ticket", incident);
    // then
    expect(result).toBe("EXT-9");
  });

  it("turns a missing field into a user error with the offset of the access", () => {
    // when
    const error = thrownBy(() => evaluateExpression("requester.deputy", incident));
    // then
    expect(error.code).toBe("FD3005");
    expect(error.message).toContain("no field or key deputy");
    expect(error.details).toEqual({ offset: 9 });
  });

  it("turns a type error into a sentence naming the operator and the types", () => {
    // when
    const error = thrownBy(() => evaluateExpression("priority + 1", incident));
    // then
    expect(error.code).toBe("FD3005");
    expect(error.message).toBe("The expression failed: + cannot be applied to (string, int).");
  });

  it("names the receiver type when a method does not fit", () => {
    // when
    const error = thrownBy(() => evaluateExpression('reopenCount.startsWith("1")', incident));
    // then
    expect(error.message).toBe(
      "The expression failed: startsWith() cannot be called on an int with (string).",
    );
  });

  it("reports division by zero", () => {
    // when
    const error = thrownBy(() => evaluateExpression("reopenCount / 0", incident));
    // then
    expect(error.code).toBe("FD3005");
    expect(error.message).toContain("divide by zero");
  });

  it("reports a syntax error with its offset", () => {
    // when
    const error = thrownBy(() => evaluateExpression('priority == "P1" &&', incident));
    // then
    expect(error.code).toBe("FD3001");
    expect(error.kind).toBe("user");
    expect(error.details?.offset).toBeTypeOf("number");
  });

  it("refuses values expressions cannot read instead of guessing", () => {
    // when
    const error = thrownBy(() => evaluateExpression("callback", { callback: () => 1 }));
    // then
    expect(error.code).toBe("FD3010");
    expect(error.message).toContain("callback");
  });

  it("serialises its errors for instance state", () => {
    // given
    const error = thrownBy(() => evaluateExpression("unknownThing", {}));
    // when
    const json = JSON.parse(JSON.stringify(error));
    // then
    expect(json).toEqual({
      code: "FD3004",
      kind: "user",
      message: "The expression reads unknownThing, but there is no variable of that name.",
      retryable: false,
    });
  });
});
