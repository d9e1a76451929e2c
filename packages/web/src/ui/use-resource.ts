import { useCallback, useEffect, useRef, useState } from "react";
import type { ApiError } from "../api/api-error.ts";

export type Resource<T> =
  | { status: "loading"; data?: undefined; error?: undefined }
  | { status: "error"; data?: T; error: ApiError | Error }
  | { status: "ready"; data: T; error?: undefined };

/**
 * Loads what a screen shows and keeps it current: `reload()` fetches again without
 * blanking the screen (live events call it), and an answer that arrives after a newer
 * request started is dropped, so a slow response never overwrites a fresh one.
 */
export const useResource = <T>(
  load: (signal: AbortSignal) => Promise<T>,
  /** Loads again, blanking the screen, whenever this changes (for example the record id). */
  key: string,
): Resource<T> & { reload: () => void; set: (data: T) => void } => {
  const [resource, setResource] = useState<Resource<T>>({ status: "loading" });
  const latest = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  const run = useCallback((blank: boolean) => {
    const ticket = ++latest.current;
    const controller = new AbortController();
    if (blank) setResource({ status: "loading" });
    loadRef
      .current(controller.signal)
      .then((data) => {
        if (ticket === latest.current) setResource({ status: "ready", data });
      })
      .catch((error: unknown) => {
        if (ticket !== latest.current || controller.signal.aborted) return;
        const failure = error instanceof Error ? error : new Error(String(error));
        setResource((previous) => ({ status: "error", error: failure, data: previous.data }));
      });
    return controller;
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` names what the load depends on
  useEffect(() => {
    const controller = run(true);
    return () => controller.abort();
  }, [key, run]);

  const reload = useCallback(() => {
    run(false);
  }, [run]);
  const set = useCallback((data: T) => setResource({ status: "ready", data }), []);
  return { ...resource, reload, set };
};
