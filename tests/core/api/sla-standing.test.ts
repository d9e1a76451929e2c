import { clockStanding, slaStanding } from "@flowdesk/core";
import { describe, expect, it } from "vitest";

const NOW = Date.parse("2026-12-07T12:00:00.000Z");
const running = { status: "running" as const, breached: false, dueAt: "2026-12-07T14:00:00.000Z" };

describe("SLA standing, one vocabulary", () => {
  it("reads a running clock as on-track, warning once a threshold is reached, breached once due", () => {
    expect(clockStanding(running, NOW)).toBe("on-track");
    expect(clockStanding({ ...running, warningAt: "2026-12-07T11:30:00.000Z" }, NOW)).toBe("warning");
    expect(clockStanding({ ...running, warningAt: "2026-12-07T13:30:00.000Z" }, NOW)).toBe("on-track");
    expect(clockStanding({ ...running, warned: true }, NOW)).toBe("warning");
    expect(clockStanding({ ...running, dueAt: "2026-12-07T12:00:00.000Z" }, NOW)).toBe("breached");
    expect(clockStanding({ ...running, breached: true }, NOW)).toBe("breached");
  });

  it("reads a paused clock as paused unless it was breached, and a stopped one as met or missed", () => {
    expect(clockStanding({ ...running, status: "paused", dueAt: null }, NOW)).toBe("paused");
    expect(clockStanding({ ...running, status: "paused", breached: true }, NOW)).toBe("breached");
    expect(clockStanding({ status: "stopped", breached: false }, NOW)).toBe("met");
    expect(clockStanding({ status: "stopped", breached: true }, NOW)).toBe("missed");
  });

  it("gives an SLA the standing of its most urgent clock, paused while paused and nothing is worse", () => {
    const met = { status: "stopped" as const, breached: false };
    const missed = { status: "stopped" as const, breached: true };
    expect(slaStanding([met, running], false, NOW)).toBe("on-track");
    expect(slaStanding([missed, running], false, NOW)).toBe("missed");
    expect(slaStanding([met, { ...running, warned: true }], false, NOW)).toBe("warning");
    expect(slaStanding([met, { ...running, status: "paused" }], true, NOW)).toBe("paused");
    expect(slaStanding([met, met], false, NOW)).toBe("met");
  });
});
