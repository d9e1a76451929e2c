import type { RunningServer } from "@flowdesk/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestUser, TEST_PASSWORD } from "../../server/support/test-app.ts";
import { BACKENDS } from "./support/live-backends.ts";
import { HttpSession, LiveClient, startLiveServer, type TestDatabase } from "./support/live-server.ts";

// Long enough for sign-in and the socket handshake to happen before it runs out.
const SHORT_SESSION_MS = 3000;

/** Backends where server processes share the Redis adapter: a disconnect reaches the other process. */
const SCALED_OUT = BACKENDS.filter((backend) => "REDIS_URL" in backend.env);

describe.each(BACKENDS)("live sockets end with their session ($name)", (backend) => {
  let database: TestDatabase;
  let server: RunningServer;
  const sockets: LiveClient[] = [];
  const userIds: Record<string, string> = {};

  const connect = async (baseUrl: string, session: HttpSession): Promise<LiveClient> => {
    const client = await LiveClient.connect(baseUrl, session.cookie);
    sockets.push(client);
    return client;
  };
  const sessionRows = (userId: string, change: string, params: unknown[] = []) =>
    server.store.transaction((tx) => tx.sql.run(`${change} WHERE user_id = ?`, [...params, userId]));

  beforeAll(async () => {
    database = await backend.database();
    server = await startLiveServer(database, backend.env);
    for (const [username, roles, groups] of [
      ["alex", ["agent"], ["cab"]],
      ["carl", ["agent"], ["cab"]],
      ["dora", ["agent"], ["cab"]],
      ["ada", ["admin"], []],
    ] as [string, string[], string[]][]) {
      userIds[username] = await createTestUser(server.store, { username, roles, groups });
    }
  });

  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await server.close();
    await database.drop();
  });

  it("disconnects a signed-out user's socket, and the cookie cannot connect again", async () => {
    // given alex signed in with a live socket
    const alex = await HttpSession.signIn(server.url, "alex", TEST_PASSWORD);
    const socket = await connect(server.url, alex);
    const ended = socket.disconnected();

    // when alex signs out
    const signedOut = await alex.call("DELETE", "/api/session");

    // then the server ends the socket, and the old cookie is refused at the handshake
    expect(signedOut.status).toBe(204);
    expect(await ended).toBe("io server disconnect");
    await expect(LiveClient.connect(server.url, alex.cookie)).rejects.toThrow(/Sign in first/);
  });

  it("disconnects a socket when its session expires", async () => {
    // given carl's session cut to a few seconds before his socket connects
    const carl = await HttpSession.signIn(server.url, "carl", TEST_PASSWORD);
    const expiresAt = new Date(Date.now() + SHORT_SESSION_MS).toISOString();
    await sessionRows(userIds.carl as string, "UPDATE sessions SET expires_at = ?", [expiresAt]);
    const socket = await connect(server.url, carl);

    // when the session runs out
    const reason = await socket.disconnected();

    // then the server ended the socket, and the expired cookie cannot connect again
    expect(reason).toBe("io server disconnect");
    await expect(LiveClient.connect(server.url, carl.cookie)).rejects.toThrow(/Sign in first/);
  });

  it("refuses a room and disconnects when the session is gone by the time of room.join", async () => {
    // given dora's socket, and then her session removed from the database behind the server's back
    const dora = await HttpSession.signIn(server.url, "dora", TEST_PASSWORD);
    const socket = await connect(server.url, dora);
    const ended = socket.disconnected();
    await sessionRows(userIds.dora as string, "DELETE FROM sessions");

    // when she asks to follow a workflow
    const answer = await socket.join({ definitionId: "hardware-approval" });

    // then she gets no room and no socket
    expect(answer).toEqual({ ok: false, error: "Your session has ended; sign in again." });
    expect(await ended).toBe("io server disconnect");
  });

  it("disconnects a user's sockets when an admin changes their groups, so they reconnect with fresh rooms", async () => {
    // given alex signed in again with a socket
    const alex = await HttpSession.signIn(server.url, "alex", TEST_PASSWORD);
    const socket = await connect(server.url, alex);
    const ended = socket.disconnected();
    const ada = await HttpSession.signIn(server.url, "ada", TEST_PASSWORD);

    // when the admin moves alex out of the cab group
    const changed = await ada.call("PATCH", `/api/users/${userIds.alex}`, { groups: [] });

    // then his socket ends; his session still works, so he reconnects (with rooms from his new groups)
    expect(changed.status).toBe(200);
    expect(await ended).toBe("io server disconnect");
    const again = await connect(server.url, alex);
    expect(again.socket.connected).toBe(true);
  });
});

describe.each(SCALED_OUT)("live sockets end across server processes ($name)", (backend) => {
  let database: TestDatabase;
  let first: RunningServer;
  let second: RunningServer;
  const sockets: LiveClient[] = [];

  beforeAll(async () => {
    database = await backend.database();
    first = await startLiveServer(database, backend.env);
    second = await startLiveServer(database, backend.env);
    await createTestUser(first.store, { username: "bea", roles: ["agent"], groups: ["cab"] });
  });

  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await second.close();
    await first.close();
    await database.drop();
  });

  it("disconnects a socket held by another server process when the user signs out here", async () => {
    // given bea's socket on the second process
    const bea = await HttpSession.signIn(first.url, "bea", TEST_PASSWORD);
    const socket = await LiveClient.connect(second.url, bea.cookie);
    sockets.push(socket);
    const ended = socket.disconnected();

    // when she signs out through the first process
    expect((await bea.call("DELETE", "/api/session")).status).toBe(204);

    // then the Redis adapter carried the disconnect there
    expect(await ended).toBe("io server disconnect");
  });
});
