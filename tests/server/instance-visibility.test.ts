import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HardwareDesk, hardwareFixture } from "./support/hardware-desk.ts";
import { BACKENDS, openTestApp, type TestApp } from "./support/test-app.ts";

/** The fulfilment workflow with its hand-out task sent to another group. */
const fulfilmentFor = (group: string): Record<string, unknown> => {
  const workflow = hardwareFixture("hardware-fulfilment.workflow.json");
  const nodes = workflow.nodes as { id: string; config: Record<string, unknown> }[];
  return {
    ...workflow,
    nodes: nodes.map((node) =>
      node.id === "hand-out" ? { ...node, config: { assignee: { kind: "group", group } } } : node,
    ),
  };
};

describe.each(BACKENDS)("which instances an agent sees on $name", (backend) => {
  let t: TestApp;
  let desk: HardwareDesk;
  const as = (username: string) => desk.as(username);
  const post = (username: string, path: string, body?: object) => desk.post(username, path, body);
  const listedIds = async (username: string, query = ""): Promise<string[]> => {
    const response = await as(username).agent.get(`/api/instances${query}`).expect(200);
    return response.body.items.map((item: { id: string }) => item.id);
  };

  let procurementInstance: string;
  let facilitiesInstance: string;

  beforeAll(async () => {
    t = await openTestApp(backend);
    desk = await HardwareDesk.open(
      t,
      [
        ["olivia", ["process-owner"], []],
        ["rita", ["requester"], []],
        ["fiona", ["agent"], ["procurement"]],
        ["gus", ["agent"], ["facilities"]],
      ],
      { workflow: fulfilmentFor("procurement") },
    );
    // given one request whose task went to procurement, then (version 2) one whose task went to facilities
    procurementInstance = await desk.submit("rita");
    await desk.publish("olivia", "workflows", fulfilmentFor("facilities"));
    facilitiesInstance = await desk.submit("rita");
  });
  afterAll(async () => t.close());

  it("lists to an agent only the instances with a task for their group, paging over those alone", async () => {
    // when each agent and the process owner list instances
    const fionas = await listedIds("fiona");
    const guss = await listedIds("gus");
    const olivias = await listedIds("olivia");
    const fionasFirstPage = await listedIds("fiona", "?limit=1&offset=0");

    // then each agent sees their group's instance only; the process owner sees both
    expect(fionas).toEqual([procurementInstance]);
    expect(guss).toEqual([facilitiesInstance]);
    expect(olivias).toEqual(expect.arrayContaining([procurementInstance, facilitiesInstance]));
    // and the first page of one is fiona's instance, though the facilities one is newer
    expect(fionasFirstPage).toEqual([procurementInstance]);
  });

  it("answers 404 for the detail of an instance the agent may not see, as for one that does not exist", async () => {
    // when fiona reads her group's instance, the other group's, and one that does not exist
    const own = await as("fiona").agent.get(`/api/instances/${procurementInstance}`);
    const hidden = await as("fiona").agent.get(`/api/instances/${facilitiesInstance}`);
    const missing = await as("fiona").agent.get("/api/instances/no-such-instance");

    // then she reads her own, and the other is indistinguishable from a missing one
    expect(own.status).toBe(200);
    expect(own.body.tasks[0]).toMatchObject({ assigneeGroup: "procurement" });
    expect(hidden.status).toBe(404);
    expect(hidden.headers["content-type"]).toMatch(/^application\/problem\+json/);
    expect({ status: missing.status, type: missing.body.type, title: missing.body.title }).toEqual({
      status: hidden.status,
      type: hidden.body.type,
      title: hidden.body.title,
    });
    // and the facilities agent does see it
    expect((await as("gus").agent.get(`/api/instances/${facilitiesInstance}`)).status).toBe(200);
  });

  it("refuses with 404 to cancel an instance the agent may not see, and leaves it running", async () => {
    // when fiona tries to cancel the facilities instance
    const refused = await post("fiona", `/api/instances/${facilitiesInstance}/cancel`, {
      reason: "not mine",
    });

    // then nothing happened to it
    expect(refused.status).toBe(404);
    const detail = await as("olivia").agent.get(`/api/instances/${facilitiesInstance}`).expect(200);
    expect(detail.body.status).toBe("running");
  });
});
