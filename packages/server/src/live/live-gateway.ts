import type { Server as HttpServer } from "node:http";
import type { ServerStore } from "@flowdesk/store";
import { createAdapter } from "@socket.io/redis-adapter";
import { createClient } from "redis";
import { Server, type Socket } from "socket.io";
import type { Logger } from "../api/api-context.ts";
import { maySeeInstance, oversees } from "../security/record-visibility.ts";
import type { RequestAuth, SignedInUser } from "../security/request-auth.ts";
import { authenticateSessionId, SESSION_COOKIE } from "../security/session-cookie.ts";
import { type LiveAccessEnded, onLiveAccessEnded } from "../security/session-revocation.ts";
import { revisitInstanceRooms } from "./instance-room-revisit.ts";
import { rooms } from "./live-events.ts";
import type { LiveEmitter } from "./live-publisher.ts";

export interface LiveGateway extends LiveEmitter {
  io: Server;
  close(): Promise<void>;
}

/** What a client sends to watch an instance or a definition; answered through the ack callback. */
export interface JoinRequest {
  instanceId?: string;
  definitionId?: string;
}

export type JoinAnswer = { ok: true; room: string } | { ok: false; error: string };

const cookieValue = (header: string | undefined, name: string): string | undefined => {
  for (const part of (header ?? "").split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) {
      try {
        return decodeURIComponent(rest.join("="));
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
};

// setTimeout holds at most ~24.8 days; a longer session is simply checked again then.
const MAX_TIMER_MS = 2 ** 31 - 1;

const RECORD_ID = /^[A-Za-z0-9-]{1,64}$/;
const SLUG = /^[a-z][a-z0-9-]{0,99}$/;

/**
 * socket.io on the HTTP server. The handshake is authenticated with the same session
 * cookie as HTTP; a socket joins its user room and its groups' queues at once; other
 * rooms are asked for with "room.join" and granted only to those who may read them.
 * With a Redis URL, the Redis adapter carries events between server processes.
 *
 * A socket lives no longer than its session: it also joins its session's room, which
 * sign-out (and account changes) disconnect in every process; a timer ends it when the
 * session expires; and every "room.join" checks the session again first.
 */
export async function attachLiveGateway(
  httpServer: HttpServer,
  options: { store: ServerStore; now: () => Date; log: Logger; redisUrl?: string },
): Promise<LiveGateway> {
  const io = new Server(httpServer, { serveClient: false });
  const redisClients: { quit(): Promise<unknown> }[] = [];
  if (options.redisUrl !== undefined) {
    const publisher = createClient({ url: options.redisUrl });
    const subscriber = publisher.duplicate();
    publisher.on("error", (error) => options.log.error("Redis (live updates) publisher error", error));
    subscriber.on("error", (error) => options.log.error("Redis (live updates) subscriber error", error));
    await Promise.all([publisher.connect(), subscriber.connect()]);
    redisClients.push(publisher, subscriber);
    io.adapter(createAdapter(publisher, subscriber));
  }

  const sessionOf = (socket: Socket): Promise<RequestAuth> =>
    authenticateSessionId(
      options.store,
      cookieValue(socket.handshake.headers.cookie, SESSION_COOKIE),
      options.now(),
    );

  const stopListening = onLiveAccessEnded(options.store, (ended: LiveAccessEnded) => {
    if ("sessionIdHash" in ended) {
      io.in(rooms.session(ended.sessionIdHash)).disconnectSockets(true);
      return;
    }
    const everySocket = io.in(rooms.user(ended.userId));
    (ended.keepSessionIdHash === undefined
      ? everySocket
      : everySocket.except(rooms.session(ended.keepSessionIdHash))
    ).disconnectSockets(true);
  });

  io.use((socket, next) => {
    sessionOf(socket)
      .then(({ session, user }) => {
        if (session === undefined || user === null) {
          next(new Error("Sign in first: live updates need a signed-in session."));
          return;
        }
        socket.data.user = user;
        socket.data.sessionIdHash = session.idHash;
        socket.data.expiresAt = session.expiresAt;
        next();
      })
      .catch((error: unknown) => {
        options.log.error("socket authentication failed", error);
        next(new Error("The server could not check your session; try again shortly."));
      });
  });

  io.on("connection", (socket: Socket) => {
    const user = socket.data.user as SignedInUser;
    const sessionIdHash = socket.data.sessionIdHash as string;
    void socket.join([rooms.session(sessionIdHash), rooms.user(user.id), ...user.groups.map(rooms.group)]);

    let expiry: NodeJS.Timeout | undefined;
    const endAtExpiry = (expiresAt: string) => {
      const remaining = Date.parse(expiresAt) - options.now().getTime();
      expiry = setTimeout(
        () => {
          // The session may have been cut short or (after a long timer) not be over yet: ask the database.
          sessionOf(socket)
            .then(({ session, user: current }) => {
              if (session === undefined || current === null) socket.disconnect(true);
              else endAtExpiry(session.expiresAt);
            })
            .catch((error: unknown) => {
              options.log.error("session check of a live socket failed", error);
              socket.disconnect(true);
            });
        },
        Math.min(Math.max(remaining, 0), MAX_TIMER_MS),
      );
      expiry.unref();
    };
    endAtExpiry(socket.data.expiresAt as string);
    socket.on("disconnect", () => clearTimeout(expiry));

    socket.on("room.join", (request: unknown, ack: unknown) => {
      const answer = (result: JoinAnswer) => {
        if (typeof ack === "function") ack(result);
      };
      sessionOf(socket)
        .then(async ({ session, user: current }) => {
          // Signed out, expired or disabled since the handshake: no new rooms, and no socket.
          if (session === undefined || current === null || session.idHash !== sessionIdHash) {
            answer({ ok: false, error: "Your session has ended; sign in again." });
            socket.disconnect(true);
            return;
          }
          const result = await joinRoom(options.store, current, request);
          if (result.ok) await socket.join(result.room);
          answer(result);
        })
        .catch((error: unknown) => {
          options.log.error("room join failed", error);
          answer({ ok: false, error: "The server could not check your access; try again shortly." });
        });
    });
  });

  return {
    io,
    emit(event) {
      io.to(event.rooms).emit(event.name, event.payload);
    },
    revisitInstanceRooms: (instanceIds) => revisitInstanceRooms(io, options.store, instanceIds),
    async close() {
      stopListening();
      await new Promise<void>((resolve) => {
        io.close(() => resolve());
      });
      await Promise.all(redisClients.map((client) => client.quit().catch(() => undefined)));
    },
  };
}

/** Instance rooms: its requester, agents of an assigned group, admins and process owners. Definition rooms: those who edit definitions. */
async function joinRoom(store: ServerStore, user: SignedInUser, request: unknown): Promise<JoinAnswer> {
  const { instanceId, definitionId } = (
    typeof request === "object" && request !== null ? request : {}
  ) as JoinRequest;
  if (typeof instanceId === "string" && RECORD_ID.test(instanceId)) {
    const allowed = await store.transaction((tx) => maySeeInstance(tx, user, instanceId));
    return allowed
      ? { ok: true, room: rooms.instance(instanceId) }
      : { ok: false, error: `You may not follow request ${instanceId}.` };
  }
  if (typeof definitionId === "string" && SLUG.test(definitionId)) {
    return oversees(user)
      ? { ok: true, room: rooms.definition(definitionId) }
      : { ok: false, error: "Only admins and process owners follow a whole workflow." };
  }
  return { ok: false, error: "Name an instanceId or a definitionId to follow." };
}
