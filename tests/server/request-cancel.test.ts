import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HardwareDesk, hardwareFixture } from "./support/hardware-desk.ts";
import { BACKENDS, openTestApp, type TestApp, visitor } from "./support/test-app.ts";

describe.each(BACKENDS)("a requester withdraws their request on $name", (backend) => {
  let t: TestApp;
  let desk: HardwareDesk;

  beforeAll(async () => {
    t = await openTestApp(backend);
    desk = await HardwareDesk.open(t, [
      ["olivia", ["process-owner"], []],
      ["rita", ["requester"], []],
      ["ron", ["requester"], []],
    ]);
  });
  afterAll(async () => t.close());

  it("cancels the owner's running request and ends its instance", async () => {
    // given rita's running request, which she may still cancel
    const requestId = await desk.submit("rita");
    const before = await desk.as("rita").agent.get(`/api/requests/${requestId}`).expect(200);
    expect(before.body.mayCancel).toBe(true);

    // when she cancels it
    const cancelled = await desk.post("rita", `/api/requests/${requestId}/cancel`, {
      reason: "No longer needed",
    });

    // then the request and its instance are cancelled, its tasks closed, and she may not cancel it again
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200);
    expect(cancelled.body).toMatchObject({ id: requestId, status: "cancelled" });
    const instance = await desk.as("olivia").agent.get(`/api/instances/${requestId}`).expect(200);
    expect(instance.body.status).toBe("cancelled");
    expect(instance.body.history.at(-1)).toMatchObject({ type: "instance.cancelled", actor: "rita" });
    const after = await desk.as("rita").agent.get(`/api/requests/${requestId}`).expect(200);
    expect(after.body).toMatchObject({ status: "cancelled", mayCancel: false, openTasks: [] });
  });

  it("answers 404 to someone else and 409 once the request has finished", async () => {
    // given rita's running request
    const requestId = await desk.submit("rita");

    // when ron tries to cancel it, then it does not exist for him and still runs
    const stranger = await desk.post("ron", `/api/requests/${requestId}/cancel`);
    expect(stranger.status).toBe(404);
    expect(stranger.headers["content-type"]).toMatch(/problem\+json/);
    const unchanged = await desk.as("rita").agent.get(`/api/requests/${requestId}`).expect(200);
    expect(unchanged.body.status).toBe("running");

    // when a process owner, who sees every request, tries it: not theirs to withdraw
    const owner = await desk.post("olivia", `/api/requests/${requestId}/cancel`);
    expect(owner.status).toBe(404);
    const seenByOwner = await desk.as("olivia").agent.get(`/api/requests/${requestId}`).expect(200);
    expect(seenByOwner.body.mayCancel).toBe(false);

    // when rita cancels it twice, then the second answer is a conflict
    await desk.post("rita", `/api/requests/${requestId}/cancel`).expect(200);
    const again = await desk.post("rita", `/api/requests/${requestId}/cancel`);
    expect(again.status).toBe(409);
    expect(again.body.detail).toMatch(/already cancelled/);
  });

  it("refuses anonymous callers and bad bodies", async () => {
    // given a request and a visitor who has not signed in
    const requestId = await desk.submit("rita");
    const anonymous = await visitor(t.app);

    // when the visitor tries to cancel it, and rita sends a body with unknown fields
    const refused = await anonymous.agent
      .post(`/api/requests/${requestId}/cancel`)
      .set("X-CSRF-Token", anonymous.csrf)
      .send({});
    const badBody = await desk.post("rita", `/api/requests/${requestId}/cancel`, { why: 1 });

    // then 401 and 400, and the request still runs
    expect(refused.status).toBe(401);
    expect(badBody.status).toBe(400);
    const still = await desk.as("rita").agent.get(`/api/requests/${requestId}`).expect(200);
    expect(still.body.status).toBe("running");
  });

  it("names the steps of the request's workflow version for its timeline", async () => {
    // given a submitted request
    const requestId = await desk.submit("rita");

    // when rita opens it
    const detail = await desk.as("rita").agent.get(`/api/requests/${requestId}`).expect(200);

    // then every node in its timeline has a name, people have display names, and it has no SLA policy
    const nodeIds = (detail.body.timeline as { nodeId: string | null }[])
      .map((entry) => entry.nodeId)
      .filter((id): id is string => id !== null);
    expect(nodeIds.length).toBeGreaterThan(0);
    for (const nodeId of nodeIds) expect(detail.body.steps[nodeId]?.name).toEqual(expect.any(String));
    expect(detail.body.sla).toBeNull();
    expect(detail.body.people).toMatchObject({ rita: expect.any(String) });
  });

  it("names the newest form version on each catalog item, which the requester may read", async () => {
    // given the hardware form published a second time
    const form = hardwareFixture("hardware-request.form.json");
    await desk.publish("olivia", "forms", { ...form, title: `${String(form.title)} (v2)` });

    // when rita reads the catalog and the version it names
    const items = await desk.as("rita").agent.get("/api/catalog/items").expect(200);
    const item = (items.body.items as { id: string; form: string; formVersion: number }[]).find(
      (candidate) => candidate.id === "handed-out-hardware",
    );
    const version = await desk
      .as("rita")
      .agent.get(`/api/forms/${item?.form}/versions/${item?.formVersion}`)
      .expect(200);

    // then it is the newest one, while listing the versions stays for designers
    expect(item?.formVersion).toBe(2);
    expect(version.body.definition.title).toMatch(/\(v2\)$/);
    await desk.as("rita").agent.get(`/api/forms/${item?.form}/versions`).expect(403);
  });
});
