import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HardwareDesk, hardwareFixture } from "./support/hardware-desk.ts";
import { BACKENDS, openTestApp, type TestApp } from "./support/test-app.ts";

describe.each(BACKENDS)("workflow positions on $name", (backend) => {
  let t: TestApp;
  let desk: HardwareDesk;
  const positions = (username: string, workflowId = "hardware-fulfilment") =>
    desk.as(username).agent.get(`/api/workflows/${workflowId}/positions`);

  beforeAll(async () => {
    t = await openTestApp(backend);
    desk = await HardwareDesk.open(t, [
      ["olivia", ["process-owner"], []],
      ["rita", ["requester"], []],
      ["fiona", ["agent"], ["procurement"]],
    ]);
    // Rita is named in words on screens; her user name stays in the records
    await t.store.transaction(async (tx) => {
      const rita = await tx.users.findByUsername("rita");
      if (rita)
        await tx.users.update(rita.id, { displayName: "Rita Requester", at: new Date().toISOString() });
    });
  });
  afterAll(async () => t.close());

  it("counts running instances per waiting step, and forgets those that finished", async () => {
    // given three hardware requests, one of whose hand-out task is completed
    const requests = [await desk.submit("rita"), await desk.submit("rita"), await desk.submit("rita")];
    const detail = await desk.as("rita").agent.get(`/api/requests/${requests[0]}`).expect(200);
    const task = detail.body.openTasks[0] as { id: string };
    expect((await desk.post("fiona", `/api/tasks/${task.id}/complete`, { outcome: "done" })).status).toBe(
      200,
    );

    // when the process owner asks where the workflow's instances stand
    const answer = await positions("olivia");

    // then two wait at the hand-out, all on version 1, the newest
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      workflowId: "hardware-fulfilment",
      newestVersion: 1,
      running: 2,
      truncated: false,
      versions: [{ version: 1, running: 2, nodes: { "hand-out": 2 } }],
    });
    expect(Object.keys(answer.body).sort()).toEqual(
      ["instances", "newestVersion", "people", "running", "truncated", "versions", "workflowId"].sort(),
    );
    // and an instance's detail carries its incidents and SLA clocks (none here) for the instance view
    const instance = await desk.as("fiona").agent.get(`/api/instances/${requests[1]}`).expect(200);
    expect(instance.body).toMatchObject({ incidents: [], sla: null });
  });

  it("lists the running instances longest waiting first, with request title, requester and waiting step", async () => {
    // given two more requests, the second submitted after the first
    const first = await desk.submit("rita");
    const second = await desk.submit("rita");

    // when the process owner asks where the workflow's instances stand
    const answer = await positions("olivia");

    // then every running instance is listed once, oldest waiting first, each waiting at the hand-out
    expect(answer.status).toBe(200);
    const rows = answer.body.instances as {
      id: string;
      title: string | null;
      requester: string;
      waiting: { nodeId: string; since: string }[];
      waitingSince: string;
      sla: unknown;
    }[];
    expect(rows).toHaveLength(answer.body.running);
    const since = rows.map((row) => row.waitingSince);
    expect(since).toEqual([...since].sort());
    expect(rows.findIndex((row) => row.id === first)).toBeLessThan(
      rows.findIndex((row) => row.id === second),
    );
    const row = rows.find((entry) => entry.id === second);
    const detail = await desk.as("olivia").agent.get(`/api/instances/${second}`).expect(200);
    const handOut = (detail.body.tasks as { nodeId: string; createdAt: string }[]).find(
      (task) => task.nodeId === "hand-out",
    );
    expect(row).toMatchObject({
      title: expect.any(String),
      requester: "rita",
      waiting: [{ nodeId: "hand-out", since: handOut?.createdAt }],
      waitingSince: handOut?.createdAt,
      sla: null,
    });
    expect(row?.title?.length).toBeGreaterThan(0);
    // and the requester is named in words
    expect(answer.body.people).toEqual({ rita: "Rita Requester" });
  });

  it("names the people of an instance by display name", async () => {
    // given a request whose hand-out task the procurement agent completed
    const request = await desk.submit("rita");
    const open = await desk.as("rita").agent.get(`/api/requests/${request}`).expect(200);
    const task = open.body.openTasks[0] as { id: string };
    await desk.post("fiona", `/api/tasks/${task.id}/complete`, { outcome: "done" }).expect(200);

    // when staff open the instance
    const instance = await desk.as("fiona").agent.get(`/api/instances/${request}`).expect(200);

    // then the requester and the agent who completed the task have display names
    expect(instance.body.people).toMatchObject({ rita: "Rita Requester", fiona: "fiona" });
  });

  it("answers an empty count for a workflow never published and 404 for an unknown one", async () => {
    // given a workflow that only has a draft
    const draft = { ...hardwareFixture("hardware-fulfilment.workflow.json"), id: "draft-only-flow" };
    await desk
      .as("olivia")
      .agent.put("/api/workflows/draft-only-flow/draft")
      .set("X-CSRF-Token", desk.as("olivia").csrf)
      .send(draft)
      .expect(200);

    // when its positions and an unknown workflow's are asked for
    const neverPublished = await positions("olivia", "draft-only-flow");
    const unknown = await positions("olivia", "no-such-flow");

    // then the draft has no version and nothing running; the unknown one is not found
    expect(neverPublished.status).toBe(200);
    expect(neverPublished.body).toMatchObject({ newestVersion: null, running: 0, versions: [] });
    expect(unknown.status).toBe(404);
  });

  it("refuses agents and requesters", async () => {
    // when an agent and a requester ask
    const agent = await positions("fiona");
    const requester = await positions("rita");

    // then both are refused
    expect(agent.status).toBe(403);
    expect(requester.status).toBe(403);
  });
});
