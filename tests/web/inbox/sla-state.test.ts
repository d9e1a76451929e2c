import { describe, expect, it } from "vitest";
import { countdownParts, readSla } from "../../../packages/web/src/inbox/sla-state.ts";

const OPENED = "2026-03-02T09:00:00.000Z";
const DUE = "2026-03-02T10:00:00.000Z";
const at = (iso: string) => Date.parse(iso);

describe("SLA state of a task", () => {
  it("is ok while less than three quarters of the allowed time is used", () => {
    // given a task open for an hour, read after 30 minutes
    const reading = readSla(OPENED, DUE, at("2026-03-02T09:30:00.000Z"));
    // then it is on time with 30 minutes left
    expect(reading).toEqual({ state: "ok", remainingMs: 30 * 60_000 });
  });

  it("warns from three quarters of the allowed time, or from a threshold the caller gives", () => {
    // given the same task read after 45 and after 40 minutes
    const atThreshold = readSla(OPENED, DUE, at("2026-03-02T09:45:00.000Z"));
    const earlier = readSla(OPENED, DUE, at("2026-03-02T09:40:00.000Z"), 0.5);
    // then both are due soon
    expect(atThreshold.state).toBe("warning");
    expect(earlier.state).toBe("warning");
  });

  it("is breached from the due time on, counting how long it is overdue", () => {
    // when read exactly at and two minutes after the due time
    const atDue = readSla(OPENED, DUE, at(DUE));
    const late = readSla(OPENED, DUE, at("2026-03-02T10:02:00.000Z"));
    // then both are breached, the later one two minutes overdue
    expect(atDue.state).toBe("breached");
    expect(late).toEqual({ state: "breached", remainingMs: -120_000 });
  });

  it("has no state without a due time, and warns when the due time is not after the opening", () => {
    // then a task without due has none; a due before the opening is read as used up
    expect(readSla(OPENED, null, at(OPENED))).toEqual({ state: "none" });
    expect(readSla("2026-03-02T10:05:00.000Z", DUE, at("2026-03-02T09:59:00.000Z")).state).toBe("warning");
  });

  it("shows a countdown in its two largest units", () => {
    // then days with hours, hours with minutes, minutes with seconds
    expect(countdownParts((2 * 86_400 + 3 * 3600 + 59) * 1000)).toEqual([
      { unit: "d", value: 2 },
      { unit: "h", value: 3 },
    ]);
    expect(countdownParts((3600 + 5 * 60 + 9) * 1000)).toEqual([
      { unit: "h", value: 1 },
      { unit: "min", value: 5 },
    ]);
    expect(countdownParts(-(4 * 60 + 9) * 1000)).toEqual([
      { unit: "min", value: 4 },
      { unit: "s", value: 9 },
    ]);
  });
});
