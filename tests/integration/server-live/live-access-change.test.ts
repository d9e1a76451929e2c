import type { RunningServer } from "@flowdesk/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestUser, TEST_PASSWORD } from "../../server/support/test-app.ts";
import { BACKENDS, FIXTURES, GOOD_DATA } from "./support/live-backends.ts";
import {
  HttpSession,
  LiveClient,
  type LiveEventSeen,
  publishFixtures,
  startLiveServer,
  type TestDatabase,
} from "./support/live-server.ts";
import { createPeople, SCALE_OUT, useTwoProcesses } from "./support/scale-out.ts";

const USERS: [string, string[], string[]][] = [
  ["olivia", ["process-owner"], []],
  ["rita", ["requester"], []],
  ["alex", ["agent"], ["cab"]],
  ["fiona", ["agent"], ["procurement"]],
];

/** Whatever a socket heard about one request after a given sequence number. */
const heardAbout = (client: LiveClient, instanceId: string, afterSeq: number): LiveEventSeen[] =>
  client.events.filter(
    ({ payload }) =>
      (payload.instanceId === instanceId ||
        payload.requestId === instanceId ||
        payload.task?.instanceId === instanceId) &&
      payload.seq > afterSeq,
  );

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The scenario, wherever the people are connected: fiona follows a request whose task is
 * in her queue; the task moves to the CAB; alex (CAB) may follow it now and hears the
 * next change, fiona hears nothing more of it.
 */
async function taskMovesToAnotherGroup(people: {
  rita: HttpSession;
  fiona: HttpSession;
  alex: HttpSession;
  fionaSocket: LiveClient;
  alexSocket: LiveClient;
}): Promise<void> {
  const { rita, fiona, alex, fionaSocket, alexSocket } = people;
  // given a request whose task waits in procurement's queue, followed by fiona
  const submitted = await rita.post("/api/requests", {
    catalogItemId: "handed-out-hardware",
    data: GOOD_DATA,
  });
  expect(submitted.status).toBe(201);
  const instanceId = submitted.body.id as string;
  const created = await fionaSocket.next("task.created", (payload) => payload.task.instanceId === instanceId);
  const taskId = created.payload.task.id as string;
  expect(await fionaSocket.join({ instanceId })).toMatchObject({ ok: true });
  expect(await alexSocket.join({ instanceId })).toMatchObject({ ok: false });

  // when fiona sends the task to the CAB
  const moved = await fiona.post(`/api/tasks/${taskId}/reassign`, { group: "cab" });
  expect(moved.status).toBe(200);
  const left = await fionaSocket.next(
    "task.updated",
    (payload) => payload.task.id === taskId && payload.change === "task.reassigned",
  );

  // then alex may follow the request now, and hears the next change
  expect(await alexSocket.join({ instanceId })).toMatchObject({ ok: true });
  const claimed = await alex.post(`/api/tasks/${taskId}/claim`);
  expect(claimed.status).toBe(200);
  await alexSocket.next(
    "instance.updated",
    (payload) => payload.instanceId === instanceId && payload.seq > left.payload.seq,
  );
  // and fiona, whose queue the task left, hears nothing more of the request
  await settle(300);
  expect(heardAbout(fionaSocket, instanceId, left.payload.seq)).toEqual([]);
}

describe.each(BACKENDS)("live access follows a task to another group ($name)", (backend) => {
  let database: TestDatabase;
  let server: RunningServer;
  const sockets: LiveClient[] = [];

  beforeAll(async () => {
    database = await backend.database();
    server = await startLiveServer(database, backend.env);
    for (const [username, roles, groups] of USERS) {
      await createTestUser(server.store, { username, roles, groups });
    }
  });

  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await server.close();
    await database.drop();
  });

  it("stops a request's events reaching a queue member once its task moves to another group", async () => {
    const signIn = (username: string) => HttpSession.signIn(server.url, username, TEST_PASSWORD);
    await publishFixtures(await signIn("olivia"), FIXTURES);
    const [rita, fiona, alex] = await Promise.all([signIn("rita"), signIn("fiona"), signIn("alex")]);
    const fionaSocket = await LiveClient.connect(server.url, fiona.cookie);
    const alexSocket = await LiveClient.connect(server.url, alex.cookie);
    sockets.push(fionaSocket, alexSocket);
    await taskMovesToAnotherGroup({ rita, fiona, alex, fionaSocket, alexSocket });
  });
});

/** Two server processes sharing only PostgreSQL and Redis: the room check reaches sockets of the other. */
describe.each(SCALE_OUT)("live access follows a task across server processes ($name)", (backend) => {
  const processes = useTwoProcesses(backend);

  it("makes a socket on the other process leave the request's room when the task moves here", async () => {
    // given the people in the shared database; everyone acts on the first process, the sockets are on the second
    const { first, second, sockets } = processes;
    await createPeople(processes.database, USERS);
    const signIn = (username: string) => HttpSession.signIn(first.url, username, TEST_PASSWORD);
    await publishFixtures(await signIn("olivia"), FIXTURES);
    const [rita, fiona, alex] = await Promise.all([signIn("rita"), signIn("fiona"), signIn("alex")]);
    const fionaSocket = await LiveClient.connect(second.url, fiona.cookie);
    const alexSocket = await LiveClient.connect(second.url, alex.cookie);
    sockets.push(fionaSocket, alexSocket);
    await taskMovesToAnotherGroup({ rita, fiona, alex, fionaSocket, alexSocket });
  });
});
