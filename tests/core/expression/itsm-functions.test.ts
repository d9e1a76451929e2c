import { evaluateExpression, ITSM_FUNCTION_NAMES, PRIORITY_MATRIX } from "@flowdesk/core";
import { describe, expect, it } from "vitest";
import { thrownBy } from "./expression-error.ts";

const at = (iso: string) => new Date(iso);

describe("ITSM helper functions", () => {
  it("lists every registered helper for autocomplete", () => {
    // then
    expect([...ITSM_FUNCTION_NAMES].sort()).toEqual(
      [
        "addHours",
        "coalesce",
        "daysSince",
        "hoursSince",
        "isBlank",
        "join",
        "lower",
        "priorityFromMatrix",
        "slaPercent",
        "trim",
        "upper",
      ].sort(),
    );
  });

  it.each([
    ["high", "high", "P1"],
    ["high", "medium", "P2"],
    ["high", "low", "P3"],
    ["medium", "high", "P2"],
    ["medium", "medium", "P3"],
    ["medium", "low", "P4"],
    ["low", "high", "P3"],
    ["low", "medium", "P4"],
    ["low", "low", "P4"],
  ])("priorityFromMatrix(%s, %s) is %s", (impact, urgency, priority) => {
    // when
    const result = evaluateExpression("priorityFromMatrix(impact, urgency)", { impact, urgency });
    // then
    expect(result).toBe(priority);
    expect(PRIORITY_MATRIX[impact as "high"][["high", "medium", "low"].indexOf(urgency)]).toBe(priority);
  });

  it("priorityFromMatrix ignores case and surrounding spaces", () => {
    // when
    const result = evaluateExpression('priorityFromMatrix(" High", "LOW")', {});
    // then
    expect(result).toBe("P3");
  });

  it("priorityFromMatrix names the bad value", () => {
    // when
    const error = thrownBy(() => evaluateExpression('priorityFromMatrix("huge", "low")', {}));
    // then
    expect(error.code).toBe("FD3005");
    expect(error.message).toContain('impact must be "high", "medium" or "low", not "huge"');
  });

  it("isBlank treats null, whitespace and empty collections as blank", () => {
    // when
    const result = evaluateExpression(
      '[isBlank(null), isBlank("  "), isBlank(""), isBlank([]), isBlank({}), isBlank("x"), isBlank([1])]',
      {},
    );
    // then
    expect(result).toEqual([true, true, true, true, true, false, false]);
  });

  it("lower, upper and trim change text", () => {
    // when
    const result = evaluateExpression('[lower("VPN Down"), upper("p1"), trim("  a b ")]', {});
    // then
    expect(result).toEqual(["vpn down", "P1", "a b"]);
  });

  it("coalesce falls back only on null", () => {
    // when
    const result = evaluateExpression('[coalesce(assignee, "service-desk"), coalesce("", "x")]', {
      assignee: null,
    });
    // then
    expect(result).toEqual(["service-desk", ""]);
  });

  it("join lists text and numbers for templates", () => {
    // when
    const result = evaluateExpression('join(["vpn", "email", 3], ", ")', {});
    // then
    expect(result).toBe("vpn, email, 3");
  });

  it("hoursSince and daysSince accept Dates, timestamps and ISO strings", () => {
    // given
    const variables = { openedAt: "2026-11-20T09:00:00Z", now: at("2026-11-21T15:00:00Z") };
    // when
    const result = evaluateExpression(
      '[hoursSince(openedAt, now), daysSince(timestamp(openedAt), now), hoursSince("2026-11-21", now)]',
      variables,
    );
    // then
    expect(result).toEqual([30, 1.25, 15]);
  });

  it("hoursSince refuses text that is not a date", () => {
    // when
    const error = thrownBy(() =>
      evaluateExpression('hoursSince("yesterday", now)', { now: at("2026-11-21T00:00:00Z") }),
    );
    // then
    expect(error.code).toBe("FD3005");
    expect(error.message).toContain("expected a timestamp or an ISO 8601 date");
  });

  it("addHours computes due dates, fractional hours included", () => {
    // when
    const result = evaluateExpression("[addHours(now, 4), addHours(now, 0.5)]", {
      now: at("2026-11-21T09:00:00Z"),
    });
    // then
    expect(result).toEqual(["2026-11-21T13:00:00.000Z", "2026-11-21T09:30:00.000Z"]);
  });

  it("slaPercent gives the share of the SLA window used", () => {
    // given
    const variables = {
      instance: { startedAt: "2026-11-21T08:00:00Z" },
      dueAt: "2026-11-21T12:00:00Z",
      now: at("2026-11-21T11:00:00Z"),
    };
    // when
    const result = evaluateExpression("slaPercent(instance.startedAt, dueAt, now)", variables);
    // then
    expect(result).toBe(75);
  });

  it("slaPercent refuses a due time before the start", () => {
    // when
    const error = thrownBy(() =>
      evaluateExpression('slaPercent("2026-11-21T12:00:00Z", "2026-11-21T08:00:00Z", now)', {
        now: at("2026-11-21T11:00:00Z"),
      }),
    );
    // then
    expect(error.message).toContain("the due time must be after the start time");
  });
});
