import { useSyncExternalStore } from "react";

/*
 * A tiny hash router: the server serves one index.html, and the designers need only a
 * handful of routes (#/workflows, #/workflows/:id, #/forms, #/forms/:id).
 */

export type Route = { screen: "workflows"; id?: string } | { screen: "forms"; id?: string };

export const parseRoute = (hash: string): Route => {
  const [screen, id] = hash.replace(/^#\/?/, "").split("/").map(decodeURIComponent);
  const kind = screen === "forms" ? "forms" : "workflows";
  return id ? { screen: kind, id } : { screen: kind };
};

export const routeHref = (route: Route): string =>
  route.id ? `#/${route.screen}/${encodeURIComponent(route.id)}` : `#/${route.screen}`;

const subscribe = (listener: () => void) => {
  window.addEventListener("hashchange", listener);
  return () => window.removeEventListener("hashchange", listener);
};

export const useRoute = (): Route => parseRoute(useSyncExternalStore(subscribe, () => window.location.hash));
