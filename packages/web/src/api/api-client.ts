import type {
  DefinitionDiff,
  DefinitionSummaryView,
  DraftView,
  Problem,
  PublishedVersionView,
  SessionUser,
  SessionView,
  VersionSummary,
  VersionView,
} from "@flowdesk/core";
import { ApiError } from "./api-error.ts";

/* Typed calls of Flowdesk's REST API for definitions, sessions and directory lookups. */

export type DefinitionCollection = "workflows" | "forms" | "catalog-items" | "sla-policies";
export type DirectorySource = "users" | "groups" | "configuration-items";

/*
 * Payload types come from the API contract in @flowdesk/core (the schemas the server
 * validates and documents with); the generic wrappers below only name what a definition is.
 */
export type { SessionUser, VersionSummary };
export type DefinitionSummary = DefinitionSummaryView;
export type Session = SessionView;
export type Published = PublishedVersionView;
export type VersionDiff = DefinitionDiff;

/** A saved draft, its definition typed as the caller's kind. */
export type Draft<D> = Omit<DraftView, "definition"> & { definition: D };

/** A published version, its definition typed as the caller's kind. */
export type VersionDocument<D> = Omit<VersionView, "definition"> & { definition: D };

export interface DirectoryEntry {
  id: string;
  username?: string;
  displayName?: string;
  name?: string;
  title?: string;
}

type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export class ApiClient {
  private csrfToken: string | undefined;
  private readonly sessionEndListeners = new Set<() => void>();

  constructor(
    private readonly fetchImpl: FetchLike = (input, init) => fetch(input, init),
    private readonly base = "/api",
  ) {}

  async session(): Promise<Session> {
    const session = await this.request<Session>("GET", "/session");
    this.csrfToken = session.csrfToken;
    return session;
  }

  async login(username: string, password: string): Promise<Session> {
    const session = await this.request<Session>("POST", "/session", { username, password });
    this.csrfToken = session.csrfToken;
    return session;
  }

  async logout(): Promise<void> {
    await this.request<void>("DELETE", "/session");
    this.csrfToken = undefined;
  }

  list(kind: DefinitionCollection): Promise<{ items: DefinitionSummary[] }> {
    return this.request("GET", `/${kind}`);
  }

  /** The draft, or undefined when the definition has none yet (404). */
  async draft<D>(kind: DefinitionCollection, id: string): Promise<Draft<D> | undefined> {
    try {
      return await this.request<Draft<D>>("GET", `/${kind}/${encodeURIComponent(id)}/draft`);
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return undefined;
      throw error;
    }
  }

  saveDraft(
    kind: DefinitionCollection,
    id: string,
    definition: unknown,
  ): Promise<{ problems: Problem[]; updatedAt: string }> {
    return this.request("PUT", `/${kind}/${encodeURIComponent(id)}/draft`, definition);
  }

  validate(kind: DefinitionCollection, id: string, definition: unknown): Promise<{ problems: Problem[] }> {
    return this.request("POST", `/${kind}/${encodeURIComponent(id)}/validate`, definition);
  }

  /** Publishes the saved draft; a 422 ApiError carries the blocking problems. */
  publish(kind: DefinitionCollection, id: string): Promise<Published> {
    return this.request("POST", `/${kind}/${encodeURIComponent(id)}/publish`);
  }

  versions(kind: DefinitionCollection, id: string): Promise<{ items: VersionSummary[] }> {
    return this.request("GET", `/${kind}/${encodeURIComponent(id)}/versions`);
  }

  version<D>(kind: DefinitionCollection, id: string, version: number): Promise<VersionDocument<D>> {
    return this.request("GET", `/${kind}/${encodeURIComponent(id)}/versions/${version}`);
  }

  diff(kind: DefinitionCollection, id: string, from: number, to: number): Promise<VersionDiff> {
    return this.request("GET", `/${kind}/${encodeURIComponent(id)}/diff?from=${from}&to=${to}`);
  }

  directory(
    source: DirectorySource,
    query: string,
    signal?: AbortSignal,
  ): Promise<{ items: DirectoryEntry[] }> {
    return this.request("GET", `/directory/${source}?q=${encodeURIComponent(query)}`, undefined, signal);
  }

  /**
   * Called when a request that needed a session answers 401: the session expired or was
   * ended elsewhere. The app shell listens and shows the sign-in screen.
   */
  onSessionEnd(listener: () => void): () => void {
    this.sessionEndListeners.add(listener);
    return () => this.sessionEndListeners.delete(listener);
  }

  /** Any API call: JSON in and out, the CSRF token on changes, problem+json thrown as ApiError. */
  request<T>(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
    return this.send<T>(method, path, body, signal);
  }

  private async send<T>(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
    const headers: Record<string, string> = { Accept: "application/json, application/problem+json" };
    if (body !== undefined) headers["Content-Type"] = "application/json";
    if (STATE_CHANGING.has(method)) {
      // The token comes with the session; fetch it once before the first change.
      if (this.csrfToken === undefined && path !== "/session") await this.session();
      if (this.csrfToken !== undefined) headers["X-CSRF-Token"] = this.csrfToken;
    }
    const init: RequestInit = { method, headers, credentials: "same-origin" };
    if (body !== undefined) init.body = JSON.stringify(body);
    if (signal) init.signal = signal;
    const response = await this.fetchImpl(`${this.base}${path}`, init);
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    const parsed: unknown = text ? JSON.parse(text) : undefined;
    if (!response.ok) {
      if (response.status === 401 && !path.startsWith("/session")) {
        this.csrfToken = undefined;
        for (const listener of this.sessionEndListeners) listener();
      }
      throw new ApiError(response.status, (parsed ?? {}) as Record<string, never>);
    }
    return parsed as T;
  }
}

export const api = new ApiClient();
