import type { RunningServer } from "@flowdesk/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestUser, databaseFingerprint, TEST_PASSWORD } from "../../server/support/test-app.ts";
import { BACKENDS, FIXTURES, GOOD_DATA } from "./support/live-backends.ts";
import {
  HttpSession,
  LiveClient,
  publishFixtures,
  startLiveServer,
  type TestDatabase,
} from "./support/live-server.ts";
import { createPeople, SCALE_OUT, useTwoProcesses } from "./support/scale-out.ts";

describe.each(BACKENDS)("requests, tasks and live updates on one server ($name)", (backend) => {
  let database: TestDatabase;
  let server: RunningServer;
  const sessions: Record<string, HttpSession> = {};
  const userIds: Record<string, string> = {};
  const sockets: LiveClient[] = [];

  const connect = async (username: string): Promise<LiveClient> => {
    const client = await LiveClient.connect(server.url, sessions[username]?.cookie);
    sockets.push(client);
    return client;
  };
  const as = (username: string): HttpSession => {
    const session = sessions[username];
    if (session === undefined) throw new Error(`${username} is not signed in`);
    return session;
  };

  beforeAll(async () => {
    database = await backend.database();
    server = await startLiveServer(database, backend.env);
    const users: [string, string[], string[]][] = [
      ["olivia", ["process-owner"], []],
      ["rita", ["requester"], []],
      ["ralph", ["requester"], []],
      ["alex", ["agent"], ["cab"]],
      ["fiona", ["agent"], ["procurement"]],
    ];
    for (const [username, roles, groups] of users) {
      userIds[username] = await createTestUser(server.store, { username, roles, groups });
      sessions[username] = await HttpSession.signIn(server.url, username, TEST_PASSWORD);
    }
    await publishFixtures(as("olivia"), FIXTURES);
  });

  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await server.close();
    await database.drop();
  });

  it("runs an approval end to end: task.created reaches the approver, request.status the requester", async () => {
    // given the requester and the approver connected
    const requesterSocket = await connect("rita");
    const approverSocket = await connect("alex");

    // when the requester submits the catalog item
    const submitted = await as("rita").post("/api/requests", {
      catalogItemId: "approved-hardware",
      data: GOOD_DATA,
    });

    // then the request records the exact versions, and the approver's group queue hears of the task
    expect(submitted.status).toBe(201);
    const requestId = submitted.body.id as string;
    expect(submitted.body).toMatchObject({
      catalogItemId: "approved-hardware",
      formId: "hardware-request",
      formVersion: 1,
      workflowId: "hardware-approval",
      workflowVersion: 1,
      status: "running",
    });
    expect(submitted.body.workflowHash).toMatch(/^[0-9a-f]{64}$/);
    const created = await approverSocket.next(
      "task.created",
      (payload) => payload.task.instanceId === requestId,
    );
    expect(created.payload.task).toMatchObject({
      kind: "approval",
      assigneeGroup: "cab",
      state: "open",
    });
    expect(created.payload.seq).toBeGreaterThan(0);
    const queue = await as("alex").get("/api/tasks?scope=groups");
    expect(queue.body.items.map((task: { id: string }) => task.id)).toContain(created.payload.task.id);

    // when the approver approves over REST
    const approved = await as("alex").post(`/api/tasks/${created.payload.task.id}/approve`, {
      comment: "fine",
    });

    // then the task is done, the requester hears the request completed, and the detail shows the timeline
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ state: "completed", outcome: "approved", completedBy: "alex" });
    const status = await requesterSocket.next(
      "request.status",
      (payload) => payload.requestId === requestId && payload.status === "completed",
    );
    expect(status.payload.seq).toBeGreaterThan(created.payload.seq);
    const detail = await as("rita").get(`/api/requests/${requestId}`);
    expect(detail.body.status).toBe("completed");
    const types = detail.body.timeline.map((entry: { type: string }) => entry.type);
    expect(types).toContain("approval.decided");
    expect(types).toContain("instance.completed");
    const seqs = detail.body.timeline.map((entry: { seq: number }) => entry.seq);
    expect(seqs).toEqual([...seqs].sort((a: number, b: number) => a - b));
    const mine = await as("rita").get("/api/requests?status=completed");
    expect(mine.body.items.map((item: { id: string }) => item.id)).toContain(requestId);
    // and another requester neither lists nor reads it
    const others = await as("ralph").get("/api/requests");
    expect(others.body.items.map((item: { id: string }) => item.id)).not.toContain(requestId);
    expect((await as("ralph").get(`/api/requests/${requestId}`)).status).toBe(404);
  });

  it("answers bad request data with 422 field-level problems and writes nothing", async () => {
    // given the database as it is
    const before = await databaseFingerprint(server.store);

    // when the data misses a required field and breaks a limit
    const response = await as("rita").post("/api/requests", {
      catalogItemId: "approved-hardware",
      data: { quantity: 99 },
    });

    // then each field has its problem, and not one row changed
    expect(response.status).toBe(422);
    expect(response.contentType).toMatch(/application\/problem\+json/);
    const pointers = response.body.problems.map((problem: { pointer: string }) => problem.pointer).sort();
    expect(pointers).toEqual(["/data/item", "/data/quantity"]);
    expect(await databaseFingerprint(server.store)).toEqual(before);
  });

  it("lets exactly one of 100 concurrent completions of one task win; the rest get 409", async () => {
    // given a request whose task waits in the fulfilment queue
    const submitted = await as("rita").post("/api/requests", {
      catalogItemId: "handed-out-hardware",
      data: GOOD_DATA,
    });
    const queue = await as("fiona").get("/api/tasks?scope=groups");
    const task = queue.body.items.find(
      (candidate: { instanceId: string }) => candidate.instanceId === submitted.body.id,
    );
    expect(task).toBeDefined();

    // when 100 completions arrive at once
    const responses = await Promise.all(
      Array.from({ length: 100 }, () =>
        as("fiona").post(`/api/tasks/${task.id}/complete`, { outcome: "done" }),
      ),
    );

    // then one won and 99 were told why they lost
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(99);
    const lost = responses.find((response) => response.status === 409);
    expect(lost?.contentType).toMatch(/application\/problem\+json/);
    expect(lost?.body.detail).toMatch(/completed|changed/);
    const detail = await as("rita").get(`/api/requests/${submitted.body.id}`);
    expect(detail.body.status).toBe("completed");
    expect(
      detail.body.timeline.filter((entry: { type: string }) => entry.type === "task.completed"),
    ).toHaveLength(1);
  });

  it("lets a requester follow their own request's room but not another requester's", async () => {
    // given a request of rita's
    const submitted = await as("rita").post("/api/requests", {
      catalogItemId: "approved-hardware",
      data: GOOD_DATA,
    });
    const ritaSocket = await connect("rita");
    const ralphSocket = await connect("ralph");
    const approverSocket = await connect("alex");

    // when each asks to join its instance room
    const own = await ritaSocket.join({ instanceId: submitted.body.id });
    const foreign = await ralphSocket.join({ instanceId: submitted.body.id });
    const approver = await approverSocket.join({ instanceId: submitted.body.id });
    const definition = await ralphSocket.join({ definitionId: "hardware-approval" });

    // then only the requester and the assigned group's agent get in
    expect(own).toMatchObject({ ok: true });
    expect(approver).toMatchObject({ ok: true });
    expect(foreign).toMatchObject({ ok: false });
    expect(foreign.error).toMatch(/may not/);
    expect(definition).toMatchObject({ ok: false });
  });

  it("tells those following a workflow when a new version is published", async () => {
    // given the process owner following the approval workflow
    const ownerSocket = await connect("olivia");
    expect(await ownerSocket.join({ definitionId: "hardware-approval" })).toMatchObject({ ok: true });

    // when a changed version is published
    await publishFixtures(as("olivia"), ["hardware-approval.workflow.json"], (definition) => ({
      ...definition,
      title: "Hardware approved by the CAB",
    }));

    // then the room hears of version 2
    const published = await ownerSocket.next("definition.published", (payload) => payload.version === 2);
    expect(published.payload).toMatchObject({ definitionId: "hardware-approval", kind: "workflow" });
    expect(published.payload.seq).toBeGreaterThan(0);
  });

  it("pushes outbox rows a process committed but never pushed, and marks them published", async () => {
    // given rita connected, and a request committed straight through the runtime, bypassing the push
    const ritaSocket = await connect("rita");
    const result = await server.runtime.submitRequest(
      {
        instanceId: `request-unpushed-${Date.now()}`,
        definitionId: "hardware-approval",
        requester: "rita",
        data: GOOD_DATA,
      },
      {
        requesterId: userIds.rita ?? "",
        requester: "rita",
        catalogItemId: "approved-hardware",
        catalogItemVersion: 1,
        formId: "hardware-request",
        formVersion: 1,
        formHash: "0".repeat(64),
        title: "Hardware that needs approval",
      },
    );
    const pending = await server.store.transaction((tx) => tx.outbox.listPending(1000));
    expect(pending.map((row) => row.id)).toEqual(expect.arrayContaining(result.outbox.map((row) => row.id)));

    // when the sweep runs
    await server.publisher.sweep(0);

    // then rita hears of it, and nothing is left pending
    const status = await ritaSocket.next(
      "request.status",
      (payload) => payload.requestId === result.instance.id,
    );
    expect(status.payload.seq).toBe(result.history.at(-1)?.seq);
    expect(await server.store.transaction((tx) => tx.outbox.listPending(1000))).toEqual([]);
  });

  it("tells the queue a task leaves when it is reassigned, and the queue it joins", async () => {
    // given a task in the procurement queue, with both queues' agents connected
    const fionaSocket = await connect("fiona");
    const alexSocket = await connect("alex");
    const submitted = await as("rita").post("/api/requests", {
      catalogItemId: "handed-out-hardware",
      data: GOOD_DATA,
    });
    const created = await fionaSocket.next(
      "task.created",
      (payload) => payload.task.instanceId === submitted.body.id,
    );

    // when fiona sends it to the CAB
    const moved = await as("fiona").post(`/api/tasks/${created.payload.task.id}/reassign`, { group: "cab" });
    expect(moved.status).toBe(200);

    // then both queues hear of it
    const left = await fionaSocket.next(
      "task.updated",
      (payload) => payload.task.id === created.payload.task.id && payload.change === "task.reassigned",
    );
    const joined = await alexSocket.next(
      "task.updated",
      (payload) => payload.task.id === created.payload.task.id && payload.change === "task.reassigned",
    );
    expect(left.payload.task.assigneeGroup).toBe("cab");
    expect(joined.payload.seq).toBe(left.payload.seq);
  });

  it("refuses a socket without a signed-in session", async () => {
    // when a client connects without a cookie
    const attempt = LiveClient.connect(server.url, undefined);

    // then the handshake is refused
    await expect(attempt).rejects.toThrow(/Sign in/);
  });

  it("gives a reconnecting client exactly the events it missed and may see, in order", async () => {
    // given rita's socket, which knows the sequence up to her newest request
    const ritaSocket = await connect("rita");
    const first = await as("rita").post("/api/requests", {
      catalogItemId: "approved-hardware",
      data: GOOD_DATA,
    });
    const seen = await ritaSocket.next("request.status", (payload) => payload.requestId === first.body.id);
    const lastSeq = seen.payload.seq as number;
    ritaSocket.close();

    // when at least 50 history events happen while she is away, hers and ralph's mixed
    for (let round = 0; round < 6; round++) {
      await as("rita").post("/api/requests", { catalogItemId: "approved-hardware", data: GOOD_DATA });
      await as("ralph").post("/api/requests", { catalogItemId: "approved-hardware", data: GOOD_DATA });
    }
    const queue = await as("alex").get("/api/tasks?scope=groups&limit=200");
    for (const task of queue.body.items) {
      await as("alex").post(`/api/tasks/${task.id}/approve`, {});
    }
    const everything = await server.store.transaction((tx) => tx.history.listAfter(lastSeq, 10_000));
    expect(everything.length).toBeGreaterThanOrEqual(50);

    // then asking for what she missed returns exactly the entries of her own requests (all of them, earlier ones too), in order
    const hers = await server.store.transaction((tx) =>
      tx.requests.listByRequester({ requesterId: userIds.rita ?? "", limit: 1000, offset: 0 }),
    );
    const mine = new Set(hers.map((request) => request.instanceId));
    const missed = await as("rita").get(`/api/events?after=${lastSeq}&limit=1000`);
    expect(missed.status).toBe(200);
    const expected = everything.filter((entry) => mine.has(entry.instanceId)).map((entry) => entry.seq);
    expect(missed.body.items.map((entry: { seq: number }) => entry.seq)).toEqual(expected);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(everything.length);
    expect(missed.body.next).toBe(everything.at(-1)?.seq);
  });
});

/** Two server processes (`main.ts`, each its own node process) sharing only PostgreSQL and Redis. */
describe.each(SCALE_OUT)("live updates across two server processes ($name)", (backend) => {
  const processes = useTwoProcesses(backend);

  it("delivers an event caused on one process to a client connected to the other", async () => {
    // given users (written straight to the shared database) and definitions, the requester on the first process, the approver on the second
    const { first, second, sockets } = processes;
    await createPeople(processes.database, [
      ["olivia", ["process-owner"], []],
      ["rita", ["requester"], []],
      ["alex", ["agent"], ["cab"]],
    ]);
    await publishFixtures(await HttpSession.signIn(first.url, "olivia", TEST_PASSWORD), FIXTURES);
    const rita = await HttpSession.signIn(first.url, "rita", TEST_PASSWORD);
    const alex = await HttpSession.signIn(second.url, "alex", TEST_PASSWORD);
    const ritaSocket = await LiveClient.connect(first.url, rita.cookie);
    const alexSocket = await LiveClient.connect(second.url, alex.cookie);
    sockets.push(ritaSocket, alexSocket);

    // when the requester submits on the first process
    const submitted = await rita.post("/api/requests", {
      catalogItemId: "approved-hardware",
      data: GOOD_DATA,
    });
    expect(submitted.status).toBe(201);

    // then the approver, connected to the second, hears of the task
    const created = await alexSocket.next(
      "task.created",
      (payload) => payload.task.instanceId === submitted.body.id,
    );

    // when the approver approves on the second process
    const approved = await alex.post(`/api/tasks/${created.payload.task.id}/approve`, {});
    expect(approved.status).toBe(200);

    // then the requester, connected to the first, hears the request completed
    const status = await ritaSocket.next(
      "request.status",
      (payload) => payload.requestId === submitted.body.id && payload.status === "completed",
    );
    expect(status.payload.seq).toBeGreaterThan(created.payload.seq);
  });
});
