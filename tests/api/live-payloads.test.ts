import { createAjv, LIVE_EVENT_PAYLOADS, type LiveEventName } from "@flowdesk/core";
import type { RunningServer } from "@flowdesk/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BACKENDS, FIXTURES, GOOD_DATA } from "../integration/server-live/support/live-backends.ts";
import {
  fixture,
  HttpSession,
  LiveClient,
  publishFixtures,
  startLiveServer,
  type TestDatabase,
} from "../integration/server-live/support/live-server.ts";
import { createTestUser, TEST_PASSWORD } from "../server/support/test-app.ts";

/*
 * Every live event a browser receives matches the payload schema the contract declares for
 * its name (core's live-event.api.ts): the server's emitter is typed from it, and this
 * checks what really travels over socket.io.
 */
describe.each(BACKENDS)("live event payloads keep their contract ($name)", (backend) => {
  let database: TestDatabase;
  let server: RunningServer;
  const sessions: Record<string, HttpSession> = {};
  const sockets: LiveClient[] = [];
  const ajv = createAjv();

  beforeAll(async () => {
    database = await backend.database();
    server = await startLiveServer(database, backend.env);
    for (const [username, roles, groups] of [
      ["olivia", ["process-owner"], []],
      ["rita", ["requester"], []],
      ["alex", ["agent"], ["cab"]],
    ] as const) {
      await createTestUser(server.store, { username, roles: [...roles], groups: [...groups] });
      sessions[username] = await HttpSession.signIn(server.url, username, TEST_PASSWORD);
    }
    await publishFixtures(sessions.olivia as HttpSession, FIXTURES);
  });

  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await server.close();
    await database.drop();
  });

  it("sends task, instance, request and definition events whose payloads match their schemas", async () => {
    // given the requester, an approver and the process owner watching the workflow, connected
    const connect = async (username: string) => {
      const client = await LiveClient.connect(server.url, sessions[username]?.cookie);
      sockets.push(client);
      return client;
    };
    const rita = await connect("rita");
    const alex = await connect("alex");
    const olivia = await connect("olivia");
    expect((await olivia.join({ definitionId: "hardware-approval" })).ok).toBe(true);

    // when a request is submitted and approved, and the workflow is published again
    const submitted = await sessions.rita?.post("/api/requests", {
      catalogItemId: "approved-hardware",
      data: GOOD_DATA,
    });
    const requestId = submitted?.body.id as string;
    const created = await alex.next("task.created", (payload) => payload.task.instanceId === requestId);
    await sessions.alex?.post(`/api/tasks/${created.payload.task.id}/approve`, { comment: "fine" });
    await rita.next(
      "request.status",
      (payload) => payload.requestId === requestId && payload.status === "completed",
    );
    await olivia.next("instance.updated", (payload) => payload.instanceId === requestId);
    await alex.next("task.updated", (payload) => payload.task.id === created.payload.task.id);
    await publishFixtures(
      sessions.olivia as HttpSession,
      ["hardware-approval.workflow.json"],
      (definition) => ({
        ...definition,
        title: `${String(fixture("hardware-approval.workflow.json").title)} (revised)`,
      }),
    );
    await olivia.next("definition.published", (payload) => payload.definitionId === "hardware-approval");

    // then every event received matches the schema of its name
    const received = [...rita.events, ...alex.events, ...olivia.events];
    const refused = received.flatMap(({ name, payload }) => {
      const schema = LIVE_EVENT_PAYLOADS[name as LiveEventName];
      if (schema === undefined) return [`${name}: not an event of the contract`];
      const validate = ajv.compile(schema);
      return validate(payload) ? [] : [`${name}: ${ajv.errorsText(validate.errors)}`];
    });
    expect(refused).toEqual([]);
    expect(new Set(received.map((event) => event.name))).toEqual(
      new Set(["task.created", "task.updated", "instance.updated", "request.status", "definition.published"]),
    );
  });
});
