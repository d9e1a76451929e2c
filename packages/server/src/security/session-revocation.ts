import type { ServerStore } from "@flowdesk/store";

/**
 * Live connections that must end now: one session's (signed out), or every one of a user's
 * (account disabled, roles or groups changed, password changed), optionally but one session.
 */
export type LiveAccessEnded = { sessionIdHash: string } | { userId: string; keepSessionIdHash?: string };

type Listener = (ended: LiveAccessEnded) => void;

// The HTTP routes and the live gateway of one server share only its store: listeners are
// kept per store, so two servers in one process (tests) do not reach each other's sockets.
const listeners = new WeakMap<ServerStore, Set<Listener>>();

/** The live gateway listens here; returns how to stop listening. */
export const onLiveAccessEnded = (store: ServerStore, listener: Listener): (() => void) => {
  const set = listeners.get(store) ?? new Set<Listener>();
  listeners.set(store, set);
  set.add(listener);
  return () => {
    set.delete(listener);
  };
};

/** Routes call this after the change committed; the gateway ends the matching sockets in every process. */
export const endLiveAccess = (store: ServerStore, ended: LiveAccessEnded): void => {
  for (const listener of listeners.get(store) ?? []) listener(ended);
};
