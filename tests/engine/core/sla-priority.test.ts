import type { SlaPolicy } from "@flowdesk/core";
import { step } from "@flowdesk/engine";
import { describe, expect, it } from "vitest";
import { fixture, runEvents, startEvent, TestHost } from "./harness.ts";

const definition = fixture("simple-task.workflow.json");
const policy = fixture<SlaPolicy>("wall-clock-sla.policy.json");

describe("SLA clocks and the priority", () => {
  it("start when triage sets the priority, counting from the instance's start", () => {
    // given an incident opened at 14:00 without a priority
    const host = new TestHost("2026-03-02T14:00:00.000Z", policy);
    const { state } = runEvents(definition, [startEvent()], host);
    expect(state.sla).toBeUndefined();

    // when an agent sets P1 at 14:40
    host.now = "2026-03-02T14:40:00.000Z";
    const result = step(
      definition,
      state,
      { type: "variables.set", by: "bob", variables: { priority: "P1" } },
      host.context(),
    );

    // then the clocks count from 14:00: response due 15:00, its warning (14:30) already due
    expect(result.state.sla!.clocks.response).toMatchObject({
      status: "running",
      since: "2026-03-02T14:00:00.000Z",
      dueAt: "2026-03-02T15:00:00.000Z",
    });
    expect(result.effects).toContainEqual(
      expect.objectContaining({ type: "job.schedule", dueAt: "2026-03-02T14:30:00.000Z" }),
    );
  });

  it("re-target running clocks when the priority changes, keeping the time used", () => {
    // given a P3 incident (response 8h, resolution 5 days) opened at 14:00
    const host = new TestHost("2026-03-02T14:00:00.000Z", policy);
    const { state } = runEvents(definition, [startEvent({ priority: "P3" })], host);

    // when it is raised to P1 at 14:15
    host.now = "2026-03-02T14:15:00.000Z";
    const result = step(
      definition,
      state,
      { type: "variables.set", by: "bob", variables: { priority: "P1" } },
      host.context(),
    );

    // then the old checkpoints are withdrawn and the P1 targets count from 14:00
    expect(result.state.sla).toMatchObject({ priority: "P1" });
    expect(result.state.sla!.clocks.response).toMatchObject({
      targetMs: 3_600_000,
      dueAt: "2026-03-02T15:00:00.000Z",
    });
    expect(result.state.sla!.clocks.resolution).toMatchObject({
      targetMs: 28_800_000,
      dueAt: "2026-03-02T22:00:00.000Z",
    });
    expect(result.effects.filter((effect) => effect.type === "job.cancel")).toHaveLength(4);
    expect(result.history.filter((entry) => entry.type === "sla.retargeted")).toHaveLength(2);
  });
});
