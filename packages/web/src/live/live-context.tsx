import type { LiveEventName, LiveEventPayload } from "@flowdesk/core";
import { createContext, type ReactNode, useContext, useEffect, useRef, useState } from "react";
import { io, type Socket } from "socket.io-client";

/*
 * The one socket.io connection of a signed-in browser tab. The server puts the socket in
 * its user room and its groups' queues at once; screens ask for an instance's or a
 * workflow's room with useLiveRoom. After a reconnect every screen reloads what it shows
 * (useLiveRefresh), so nothing stale stays on screen.
 */

export type { LiveEventName } from "@flowdesk/core";

/** What an event brings: its payload as the API contract declares it (core's live-event.api.ts). */
export type LivePayload<Name extends LiveEventName = LiveEventName> = LiveEventPayload<Name>;
export type LiveStatus = "connecting" | "live" | "offline";
export type RoomRequest = { instanceId: string } | { definitionId: string };

interface LiveApi {
  socket: Socket | undefined;
  status: LiveStatus;
  /** Bumped on every (re)connection: effects that depend on it run again then. */
  generation: number;
}

const LiveContext = createContext<LiveApi>({ socket: undefined, status: "offline", generation: 0 });

export const LiveProvider = ({
  children,
  onServerClosed,
  createSocket = () => io({ withCredentials: true, transports: ["websocket", "polling"] }),
}: {
  children: ReactNode;
  /** The server closed the socket (sign-out elsewhere, session expiry): check the session. */
  onServerClosed: () => void;
  createSocket?: () => Socket;
}) => {
  const [live, setLive] = useState<LiveApi>({ socket: undefined, status: "connecting", generation: 0 });
  const closed = useRef(onServerClosed);
  closed.current = onServerClosed;

  // biome-ignore lint/correctness/useExhaustiveDependencies: one socket per signed-in provider
  useEffect(() => {
    const socket = createSocket();
    setLive({ socket, status: "connecting", generation: 0 });
    socket.on("connect", () =>
      setLive((previous) => ({ socket, status: "live", generation: previous.generation + 1 })),
    );
    socket.on("disconnect", (reason) => {
      setLive((previous) => ({ ...previous, status: "offline" }));
      if (reason === "io server disconnect") closed.current();
    });
    socket.on("connect_error", () => setLive((previous) => ({ ...previous, status: "offline" })));
    return () => {
      socket.removeAllListeners();
      socket.disconnect();
    };
  }, []);

  return <LiveContext.Provider value={live}>{children}</LiveContext.Provider>;
};

export const useLiveStatus = (): LiveStatus => useContext(LiveContext).status;

/** Calls `handler` for each of the named events while the component is mounted. */
export const useLiveEvent = <Name extends LiveEventName>(
  names: Name | readonly Name[],
  handler: (payload: LivePayload<Name>, name: Name) => void,
): void => {
  const { socket } = useContext(LiveContext);
  const latest = useRef(handler);
  latest.current = handler;
  const key = typeof names === "string" ? names : names.join(",");
  useEffect(() => {
    if (socket === undefined) return;
    const list = key.split(",") as Name[];
    const listeners = list.map((name) => {
      // The socket is untyped; what arrives under `name` is that event's payload (the server sends the contract's).
      const listener = (payload: unknown) => latest.current(payload as LivePayload<Name>, name);
      const eventName: string = name;
      socket.on(eventName, listener);
      return [eventName, listener] as const;
    });
    return () => {
      for (const [eventName, listener] of listeners) socket.off(eventName, listener);
    };
  }, [socket, key]);
};

/**
 * Reloads on any of the named events that `matches` accepts, and after every reconnect
 * (events sent while offline are not replayed to the socket, so the screen asks again).
 */
export const useLiveRefresh = <Name extends LiveEventName>(
  names: Name | readonly Name[],
  reload: () => void,
  matches: (payload: LivePayload<Name>) => boolean = () => true,
): void => {
  const { generation } = useContext(LiveContext);
  const first = useRef(true);
  const latestReload = useRef(reload);
  latestReload.current = reload;
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the connection generation changes
  useEffect(() => {
    if (first.current || generation <= 1) {
      first.current = false;
      return;
    }
    latestReload.current();
  }, [generation]);
  useLiveEvent(names, (payload) => {
    if (matches(payload)) latestReload.current();
  });
};

/**
 * Joins an instance's or a workflow's room (the server checks access) on every
 * connection while mounted. Returns the server's refusal sentence, if any.
 */
export const useLiveRoom = (request: RoomRequest | undefined): string | undefined => {
  const { socket, generation } = useContext(LiveContext);
  const [refusal, setRefusal] = useState<string>();
  const key = request === undefined ? "" : JSON.stringify(request);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for the request
  useEffect(() => {
    if (socket === undefined || key === "" || !socket.connected) return;
    socket.emit("room.join", JSON.parse(key), (answer: { ok: boolean; error?: string }) =>
      setRefusal(answer.ok ? undefined : answer.error),
    );
  }, [socket, key, generation]);
  return refusal;
};
