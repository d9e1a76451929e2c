import {
  AUDIT_PAGE_SIZE,
  auditDetailsText,
  auditPageCount,
  auditQueryString,
  auditRangeInverted,
  EMPTY_AUDIT_FILTER,
} from "@flowdesk/web/admin-model";
import { describe, expect, it } from "vitest";

describe("audit log filter", () => {
  it("asks for the first page only when nothing is filtered", () => {
    // when
    const query = auditQueryString(EMPTY_AUDIT_FILTER);

    // then
    expect(query).toBe(`limit=${AUDIT_PAGE_SIZE}&offset=0`);
  });

  it("sends actor, action and whole local days, the end day included", () => {
    // given
    const filter = { actor: " ada ", action: "user.", from: "2026-11-02", to: "2026-11-03", page: 2 };

    // when
    const query = new URLSearchParams(auditQueryString(filter));

    // then the range runs from the start of the first day to the start of the day after the last
    expect(query.get("offset")).toBe(String(2 * AUDIT_PAGE_SIZE));
    expect(query.get("actor")).toBe("ada");
    expect(query.get("action")).toBe("user.");
    expect(query.get("from")).toBe(new Date(2026, 10, 2).toISOString());
    expect(query.get("to")).toBe(new Date(2026, 10, 4).toISOString());
  });

  it("leaves out a malformed day instead of sending it", () => {
    // when
    const query = new URLSearchParams(auditQueryString({ ...EMPTY_AUDIT_FILTER, from: "2.11.2026" }));

    // then
    expect(query.has("from")).toBe(false);
  });

  it("recognises a range whose end lies before its start", () => {
    // then
    expect(auditRangeInverted({ ...EMPTY_AUDIT_FILTER, from: "2026-11-05", to: "2026-11-01" })).toBe(true);
    expect(auditRangeInverted({ ...EMPTY_AUDIT_FILTER, from: "2026-11-01", to: "2026-11-01" })).toBe(false);
  });

  it("counts at least one page", () => {
    // then
    expect([0, 1, AUDIT_PAGE_SIZE, AUDIT_PAGE_SIZE + 1].map(auditPageCount)).toEqual([1, 1, 1, 2]);
  });
});

describe("audit entry details", () => {
  it("reads as key: value pairs, lists joined, nothing left empty", () => {
    // when
    const text = auditDetailsText({
      username: "erin",
      roles: ["agent", "requester"],
      groups: [],
      email: null,
    });

    // then
    expect(text).toBe("username: erin; roles: agent, requester; groups: —; email: —");
    expect(auditDetailsText(null)).toBe("");
    expect(auditDetailsText("pack imported")).toBe("pack imported");
  });
});
