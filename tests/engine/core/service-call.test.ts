import type { InstanceState } from "@flowdesk/core";
import { step } from "@flowdesk/engine";
import { describe, expect, it } from "vitest";
import { fixture, runEvents, startEvent, TestHost } from "./harness.ts";

const definition = fixture("cmdb-lookup.workflow.json");

const started = (host: TestHost): InstanceState =>
  runEvents(definition, [startEvent({ ci: "srv-42", number: "INC0042" })], host).state;

describe("service call", () => {
  it("emits an HTTP call with the templated URL, headers and body and a stable idempotency key", () => {
    // given a CMDB lookup
    // when the instance starts
    const { results } = runEvents(definition, [startEvent({ ci: "srv-42", number: "INC0042" })]);

    // then one call goes out
    expect(results[0]!.effects).toEqual([
      {
        type: "http.call",
        callId: "call-1",
        attempt: 1,
        idempotencyKey: "inc-1:lookup:token-1",
        request: {
          method: "POST",
          url: "https://cmdb.example/api/ci/srv-42/owner",
          headers: { "X-Ticket": "INC0042" },
          body: '{"requester": "alice"}',
          timeoutMs: 5000,
        },
      },
    ]);
  });

  it("maps a successful response into variables", () => {
    // given a call in flight
    const host = new TestHost();
    const state = started(host);

    // when the CMDB answers 200
    const result = step(
      definition,
      state,
      {
        type: "http.result",
        callId: "call-1",
        attempt: 1,
        response: { status: 200, body: { owner: "team-storage" } },
      },
      host.context(),
    );

    // then the owner is a variable and the instance ends
    expect(result.state).toMatchObject({
      status: "completed",
      variables: { ciOwner: "team-storage", lookupStatus: 200 },
    });
  });

  it("retries with exponential back-off under the same idempotency key, then opens an incident that can be retried", () => {
    // given a call in flight
    const host = new TestHost();
    let state = started(host);

    // when the CMDB answers 503 twice
    const first = step(
      definition,
      state,
      { type: "http.result", callId: "call-1", attempt: 1, response: { status: 503 } },
      host.context(),
    );
    expect(first.effects).toEqual([
      {
        type: "job.schedule",
        jobId: "job-1",
        dueAt: "2026-03-02T14:00:01.000Z",
        purpose: { kind: "http-retry", tokenId: "token-1", callId: "call-1" },
      },
    ]);
    host.now = "2026-03-02T14:00:01.000Z";
    const second = step(definition, first.state, { type: "job.fired", jobId: "job-1" }, host.context());
    expect(second.effects).toEqual([
      expect.objectContaining({
        type: "http.call",
        callId: "call-1",
        attempt: 2,
        idempotencyKey: "inc-1:lookup:token-1",
      }),
    ]);
    const third = step(
      definition,
      second.state,
      { type: "http.result", callId: "call-1", attempt: 2, response: { status: 503 } },
      host.context(),
    );
    expect(third.effects).toEqual([
      expect.objectContaining({ type: "job.schedule", dueAt: "2026-03-02T14:00:03.000Z" }),
    ]);
    state = step(definition, third.state, { type: "job.fired", jobId: "job-2" }, host.context()).state;

    // and the third attempt fails too
    const final = step(
      definition,
      state,
      {
        type: "http.result",
        callId: "call-1",
        attempt: 3,
        error: { code: "ECONNRESET", kind: "operational", message: "socket hang up", retryable: true },
      },
      host.context(),
    );

    // then an FD5022 incident is opened on the instance
    expect(final.effects).toEqual([
      {
        type: "incident.opened",
        incidentId: "incident-1",
        nodeId: "lookup",
        error: expect.objectContaining({
          code: "FD5022",
          message: expect.stringContaining("socket hang up"),
        }),
      },
    ]);
    expect(final.state.calls).toEqual({});

    // when an admin retries, the call starts over with the same key
    const retried = step(
      definition,
      final.state,
      { type: "incident.retry", incidentId: "incident-1", by: "admin" },
      host.context(),
    );
    expect(retried.effects).toEqual([
      { type: "incident.resolved", incidentId: "incident-1" },
      expect.objectContaining({
        type: "http.call",
        callId: "call-2",
        attempt: 1,
        idempotencyKey: "inc-1:lookup:token-1",
      }),
    ]);
  });

  it("does not retry a client error and takes the failure edge when one is drawn", () => {
    // given a failure edge to a manual fallback
    const host = new TestHost();
    const withFallback = structuredClone(definition);
    withFallback.nodes.push({ id: "manual", type: "end", config: { outcome: "manual-lookup" } });
    withFallback.edges.push({ id: "e3", source: "lookup", target: "manual", outcome: "failure" });
    const state = runEvents(withFallback, [startEvent({ ci: "srv-42", number: "INC0042" })], host).state;

    // when the CMDB answers 404
    const result = step(
      withFallback,
      state,
      { type: "http.result", callId: "call-1", attempt: 1, response: { status: 404 } },
      host.context(),
    );

    // then no retry is scheduled and the failure path is taken
    expect(result.state).toMatchObject({
      status: "completed",
      outcome: "manual-lookup",
      variables: { lookupError: "HTTP 404" },
    });
  });

  it("rejects a result for an attempt that is not outstanding", () => {
    // given a call in flight
    const host = new TestHost();
    const state = started(host);

    // when a duplicate result for another attempt arrives
    const stale = () =>
      step(
        definition,
        state,
        { type: "http.result", callId: "call-1", attempt: 2, response: { status: 200 } },
        host.context(),
      );

    // then it is rejected
    expect(stale).toThrowError(expect.objectContaining({ code: "FD5005" }));
  });
});
