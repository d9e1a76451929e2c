import { useSyncExternalStore } from "react";

/*
 * A small hash router: the server serves one index.html for every path, and each screen
 * is one hash route. `id` is the screen's record (a workflow, a catalog item, a request,
 * a task, an instance) or, for admin, the section.
 *
 *   #/catalog  #/catalog/:itemId      service portal
 *   #/requests #/requests/:requestId  my requests, one request
 *   #/inbox    #/inbox/:taskId        agent inbox, one task
 *   #/instances/:instanceId           instance view
 *   #/live/:workflowId                a published workflow's running instances, live
 *   #/workflows[/:id] #/forms[/:id]   designers
 *   #/admin/:section                  packs, users, groups, roles, audit
 */

export const SCREENS = [
  "catalog",
  "requests",
  "inbox",
  "instances",
  "live",
  "workflows",
  "forms",
  "admin",
] as const;
export type Screen = (typeof SCREENS)[number];

export const ADMIN_SECTIONS = ["packs", "users", "groups", "roles", "audit"] as const;
export type AdminSection = (typeof ADMIN_SECTIONS)[number];

export interface Route {
  screen: Screen;
  id?: string;
}

const isScreen = (value: string | undefined): value is Screen => SCREENS.includes(value as Screen);

/** An empty or unknown hash is the catalog: the one screen every signed-in person may open. */
export const parseRoute = (hash: string): Route => {
  const [screen, id] =
    hash
      .replace(/^#\/?/, "")
      .split("?")[0]
      ?.split("/")
      .map((part) => {
        try {
          return decodeURIComponent(part);
        } catch {
          return part;
        }
      }) ?? [];
  if (!isScreen(screen)) return { screen: "catalog" };
  return id ? { screen, id } : { screen };
};

export const routeHref = (route: Route): string =>
  route.id ? `#/${route.screen}/${encodeURIComponent(route.id)}` : `#/${route.screen}`;

export const navigate = (route: Route): void => {
  window.location.hash = routeHref(route);
};

const subscribe = (listener: () => void) => {
  window.addEventListener("hashchange", listener);
  return () => window.removeEventListener("hashchange", listener);
};

export const useRoute = (): Route => {
  const hash = useSyncExternalStore(
    subscribe,
    () => window.location.hash,
    () => "",
  );
  return parseRoute(hash);
};
