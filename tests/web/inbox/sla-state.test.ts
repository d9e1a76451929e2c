import { describe, expect, it } from "vitest";
import type { MeasuredClock } from "../../../packages/web/src/inbox/inbox-api.ts";
import { countdownParts, readSla } from "../../../packages/web/src/inbox/sla-state.ts";

const DUE = "2026-03-02T10:00:00.000Z";
const WARN = "2026-03-02T09:30:00.000Z";
const at = (iso: string) => Date.parse(iso);

/** A running resolution clock due at 10:00 whose policy warns at 50 % (09:30 on its calendar). */
const running: MeasuredClock = {
  clock: "resolution",
  status: "running",
  dueAt: DUE,
  warningAt: WARN,
  warned: false,
  breached: false,
  standing: "on-track",
  targetMs: 3_600_000,
  consumedMs: 0,
  warningPercents: [50, 75],
};

describe("SLA state of a task", () => {
  it("is ok before the policy's first warning checkpoint", () => {
    // when read at 09:29
    const reading = readSla(running, at("2026-03-02T09:29:00.000Z"));
    // then it is on time with 31 minutes left
    expect(reading).toEqual({ state: "on-track", remainingMs: 31 * 60_000 });
  });

  it("warns from the policy's warning checkpoint, and once the engine recorded a warning", () => {
    // when read at the 50 % checkpoint, and before it with the warning already reached
    const atCheckpoint = readSla(running, at(WARN));
    const alreadyWarned = readSla(
      { ...running, warned: true, warningAt: null },
      at("2026-03-02T09:10:00.000Z"),
    );
    // then both are due soon
    expect(atCheckpoint).toEqual({ state: "warning", remainingMs: 30 * 60_000 });
    expect(alreadyWarned.state).toBe("warning");
  });

  it("is breached from the due time on, or once the engine recorded a breach, counting how long it is overdue", () => {
    // when read exactly at and two minutes after the due time
    const atDue = readSla(running, at(DUE));
    const late = readSla(running, at("2026-03-02T10:02:00.000Z"));
    // then both are breached, the later one two minutes overdue
    expect(atDue.state).toBe("breached");
    expect(late).toEqual({ state: "breached", remainingMs: -120_000 });
    expect(readSla({ ...running, breached: true }, at(WARN)).state).toBe("breached");
  });

  it("reads a paused clock as paused with the time it has left, whatever the wall clock says", () => {
    // given a clock paused after 40 of its 60 minutes
    const paused: MeasuredClock = {
      ...running,
      status: "paused",
      dueAt: null,
      warningAt: null,
      consumedMs: 2_400_000,
    };
    // then hours past its old due time it is still paused with 20 minutes left
    expect(readSla(paused, at("2026-03-02T15:00:00.000Z"))).toEqual({
      state: "paused",
      remainingMs: 1_200_000,
    });
  });

  it("has no state when nothing makes the task due", () => {
    // then no clock and a running clock without due both read as none
    expect(readSla(null, at(DUE))).toEqual({ state: "none" });
    expect(readSla({ ...running, dueAt: null }, at(DUE))).toEqual({ state: "none" });
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
    expect(countdownParts((30 * 3600 + 60) * 1000, { days: false })).toEqual([
      { unit: "h", value: 30 },
      { unit: "min", value: 1 },
    ]);
    expect(countdownParts(-(4 * 60 + 9) * 1000)).toEqual([
      { unit: "min", value: 4 },
      { unit: "s", value: 9 },
    ]);
  });
});
