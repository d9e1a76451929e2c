import { renderTemplate } from "@flowdesk/core";
import { describe, expect, it } from "vitest";
import incident from "../../fixtures/expression/incident-variables.json" with { type: "json" };
import { thrownBy } from "./expression-error.ts";

describe("renderTemplate", () => {
  it("replaces each placeholder: strings as-is, numbers and booleans as text", () => {
    // when
    const text = renderTemplate(
      "{{ requester.name }}: {{ instance.id }} is {{priority}}, reopened {{ reopenCount }} times, VIP {{ requester.vip }}",
      incident,
    );
    // then
    expect(text).toBe("Ann Lee: inc-000123 is P1, reopened 2 times, VIP true");
  });

  it("renders lists and maps as JSON and null as nothing", () => {
    // when
    const text = renderTemplate('[{{ affectedServices }}] {{ {"a": 1} }} <{{ null }}>', incident);
    // then
    expect(text).toBe('[["vpn","email"]] {"a":1} <>');
  });

  it("leaves text without placeholders unchanged", () => {
    // when
    const text = renderTemplate("No placeholders { here } }}", incident);
    // then
    expect(text).toBe("No placeholders { here } }}");
  });

  it("does not end a placeholder at braces inside string literals or maps", () => {
    // when
    const text = renderTemplate('{{ "}}" + priority }} {{ {"k": {"n": 1}}["k"]["n"] }}', incident);
    // then
    expect(text).toBe("}}P1 1");
  });

  it("renders timestamps as ISO strings and uses the helpers", () => {
    // when
    const text = renderTemplate("Due {{ addHours(now, 4) }} ({{ priorityFromMatrix(impact, urgency) }})", {
      ...incident,
      now: new Date("2026-11-21T09:00:00Z"),
    });
    // then
    expect(text).toBe("Due 2026-11-21T13:00:00.000Z (P2)");
  });

  it("reports an unclosed placeholder with its offset", () => {
    // when
    const error = thrownBy(() => renderTemplate("Hello {{ requester.name", incident));
    // then
    expect(error.code).toBe("FD3009");
    expect(error.details).toEqual({ offset: 6 });
  });

  it("points a syntax error into the template, not into the placeholder", () => {
    // when
    const error = thrownBy(() => renderTemplate("Hi {{ requester. }}", incident));
    // then
    expect(error.code).toBe("FD3001");
    expect(error.details?.offset).toBeGreaterThanOrEqual(6);
  });

  it("bounds the rendered text by the output limit", () => {
    // given
    const template = "{{ description }}".repeat(10);
    // when
    const error = thrownBy(() => renderTemplate(template, incident, { maxOutputBytes: 200 }));
    // then
    expect(error.code).toBe("FD3007");
  });
});
