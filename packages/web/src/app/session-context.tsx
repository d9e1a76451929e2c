import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import { api, type SessionUser } from "../api/api-client.ts";

export type SessionState =
  | { status: "loading" }
  | { status: "unreachable" }
  | { status: "signed-out"; reason?: "expired" | "signed-out" }
  | { status: "signed-in"; user: SessionUser };

export interface SessionApi {
  state: SessionState;
  signIn(username: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  retry(): void;
  /** Asks the server whether the session still holds (after the live socket was closed by it). */
  recheck(): void;
}

const SessionContext = createContext<SessionApi | undefined>(undefined);

/**
 * Holds who is signed in. Any API call answering 401 means the session ended (expired,
 * signed out in another tab, account disabled): the app then shows the sign-in screen
 * with a sentence saying so, and signing in again returns to the same screen (the hash
 * route is kept).
 */
export const SessionProvider = ({ children }: { children: ReactNode }) => {
  const [state, setState] = useState<SessionState>({ status: "loading" });
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` re-runs the check on retry
  useEffect(() => {
    let current = true;
    api
      .session()
      .then((session) => {
        if (!current) return;
        setState(session.user ? { status: "signed-in", user: session.user } : { status: "signed-out" });
      })
      .catch(() => {
        if (current) setState({ status: "unreachable" });
      });
    return () => {
      current = false;
    };
  }, [attempt]);

  useEffect(
    () =>
      api.onSessionEnd(() =>
        setState((previous) =>
          previous.status === "signed-in" ? { status: "signed-out", reason: "expired" } : previous,
        ),
      ),
    [],
  );

  const signIn = useCallback(async (username: string, password: string) => {
    const session = await api.login(username, password);
    if (session.user) setState({ status: "signed-in", user: session.user });
  }, []);

  const signOut = useCallback(async () => {
    try {
      await api.logout();
    } finally {
      setState({ status: "signed-out", reason: "signed-out" });
    }
  }, []);

  const retry = useCallback(() => {
    setState({ status: "loading" });
    setAttempt((value) => value + 1);
  }, []);

  const recheck = useCallback(() => {
    api
      .session()
      .then((session) => {
        if (session.user === null)
          setState((previous) =>
            previous.status === "signed-in" ? { status: "signed-out", reason: "expired" } : previous,
          );
      })
      .catch(() => undefined);
  }, []);

  const value = useMemo(
    () => ({ state, signIn, signOut, retry, recheck }),
    [state, signIn, signOut, retry, recheck],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
};

export const useSession = (): SessionApi => {
  const session = useContext(SessionContext);
  if (session === undefined) throw new Error("useSession needs a SessionProvider");
  return session;
};

/** The signed-in user; screens below the shell are only rendered when there is one. */
export const useCurrentUser = (): SessionUser => {
  const { state } = useSession();
  if (state.status !== "signed-in") throw new Error("useCurrentUser outside a signed-in screen");
  return state.user;
};
