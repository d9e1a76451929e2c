import { step } from "@flowdesk/engine";
import { describe, expect, it } from "vitest";
import { fixture, runEvents, startEvent, TestHost } from "./harness.ts";

const definition = fixture("triage-decision.workflow.json");

describe("exclusive decision and set data", () => {
  it("takes the first edge whose condition holds, in edge order", () => {
    // given a P1 (both conditions hold) and a P2
    // when each starts
    const p1 = runEvents(definition, [startEvent({ priority: "P1" })]).state;
    const p2 = runEvents(definition, [startEvent({ priority: "P2" })]).state;

    // then P1 goes to the first matching edge, P2 to the second; set data ran in order
    expect(p1).toMatchObject({ outcome: "major", variables: { queue: "major", label: "major-P1" } });
    expect(p2).toMatchObject({ outcome: "standard", variables: { queue: "standard", label: "standard-P2" } });
  });

  it("falls back to the default edge", () => {
    // given a P4
    // when it starts
    const { state } = runEvents(definition, [startEvent({ priority: "P4" })]);

    // then the default edge is taken
    expect(state.outcome).toBe("low");
  });

  it("opens an incident when nothing matches and there is no default, and resumes on retry", () => {
    // given the default edge removed
    const host = new TestHost();
    const strict = structuredClone(definition);
    strict.edges = strict.edges.filter((edge) => !edge.isDefault);

    // when a P4 starts
    const { state, results } = runEvents(strict, [startEvent({ priority: "P4" })], host);

    // then the token stops at the decision with an FD5021 incident
    expect(state.status).toBe("running");
    expect(state.incidents).toEqual({
      "incident-1": {
        id: "incident-1",
        tokenId: "token-1",
        nodeId: "route",
        openedAt: "2026-03-02T14:00:00.000Z",
        error: expect.objectContaining({ code: "FD5021", kind: "operational", retryable: true }),
      },
    });
    expect(results[0]!.effects).toEqual([
      {
        type: "incident.opened",
        incidentId: "incident-1",
        nodeId: "route",
        error: expect.objectContaining({ code: "FD5021" }),
      },
    ]);

    // when an admin corrects the priority and retries
    const fixed = step(
      strict,
      state,
      { type: "variables.set", by: "admin", variables: { priority: "P2" } },
      host.context(),
    );
    const retried = step(
      strict,
      fixed.state,
      { type: "incident.retry", incidentId: "incident-1", by: "admin" },
      host.context(),
    );

    // then the incident is resolved and the instance goes on
    expect(retried.effects[0]).toEqual({ type: "incident.resolved", incidentId: "incident-1" });
    expect(retried.state).toMatchObject({ status: "completed", outcome: "standard", incidents: {} });
  });

  it("turns a failing expression into an incident, not a crash", () => {
    // given a condition over a variable that does not exist
    const broken = structuredClone(definition);
    broken.edges[2]!.condition = "severity > 3";

    // when it starts
    const { state } = runEvents(broken, [startEvent({ priority: "P1" })]);

    // then an FD5020 incident names the expression
    const incident = Object.values(state.incidents)[0]!;
    expect(incident.error.code).toBe("FD5020");
    expect(incident.error.message).toContain("severity > 3");
  });
});
