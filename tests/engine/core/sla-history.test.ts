import type { HistoryEntry, SlaPolicy } from "@flowdesk/core";
import { explainSlaClocks } from "@flowdesk/engine";
import { describe, expect, it } from "vitest";
import { fixture, runEvents, startEvent, TestHost } from "./harness.ts";

describe("SLA clocks explained from history", () => {
  it("rebuilds the same consumed time, status and breach as the instance state", () => {
    // given a P1 incident that waited on the customer, breached its response target and was resolved
    const host = new TestHost("2026-03-02T14:00:00.000Z", fixture<SlaPolicy>("wall-clock-sla.policy.json"));
    const definition = fixture("simple-task.workflow.json");
    const started = runEvents(definition, [startEvent({ priority: "P1" })], host);
    const history: HistoryEntry[] = [...started.results[0]!.history];
    let state = started.state;
    const at = (now: string, event: Parameters<typeof runEvents>[1][number]) => {
      host.now = now;
      const result = runEvents(definition, [event], host, state);
      history.push(...result.results[0]!.history);
      state = result.state;
    };
    at("2026-03-02T14:20:00.000Z", {
      type: "variables.set",
      by: "bob",
      variables: { state: "waiting-on-customer" },
    });
    at("2026-03-02T16:00:00.000Z", { type: "variables.set", by: "bob", variables: { state: "in-progress" } });
    at("2026-03-02T16:10:00.000Z", { type: "job.fired", jobId: "job-5" });
    at("2026-03-02T16:40:00.000Z", { type: "job.fired", jobId: "job-6" });
    at("2026-03-02T17:00:00.000Z", { type: "task.completed", taskId: "task-1", by: "bob" });

    // when the clocks are rebuilt from history alone
    const explained = explainSlaClocks(history);

    // then they agree with the state: 20 minutes before the pause, 60 after it; response breached
    expect(
      explained.map(({ clock, status, consumedMs, breached }) => ({ clock, status, consumedMs, breached })),
    ).toEqual([
      { clock: "response", status: "stopped", consumedMs: 4_800_000, breached: true },
      { clock: "resolution", status: "stopped", consumedMs: 4_800_000, breached: false },
    ]);
    expect(state.sla!.clocks.response).toMatchObject({
      consumedMs: 4_800_000,
      breached: true,
      status: "stopped",
    });
    expect(state.sla!.clocks.resolution).toMatchObject({ consumedMs: 4_800_000, status: "stopped" });
    expect(explained[0]!.timeline.map((step) => step.event)).toEqual([
      "started",
      "paused",
      "resumed",
      "warning",
      "breached",
      "stopped",
    ]);
  });
});
