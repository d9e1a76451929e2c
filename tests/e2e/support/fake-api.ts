import { createHash } from "node:crypto";
import type { NodeRegistry, Problem, WorkflowDefinition } from "@flowdesk/core";
import { nodeRegistry } from "@flowdesk/nodes/descriptors";
import { validateWorkflow } from "@flowdesk/web/core-bridge";
import type { Page, Route } from "playwright-core";

/*
 * FAKE of the Flowdesk REST API (definitions, session, directory), in memory, answering
 * the browser through Playwright's page.route(). It follows the contract the server
 * implements so the designers can be driven end to end before the real server runs here.
 */

interface StoredVersion {
  version: number;
  definition: unknown;
  contentHash: string;
  publishedAt: string;
  publishedBy: string;
}

interface StoredDefinition {
  id: string;
  kind: string;
  draft?: unknown;
  updatedAt: string;
  versions: StoredVersion[];
}

const CSRF_TOKEN = "fake-csrf-token";

export class FakeFlowdeskApi {
  readonly collections = new Map<string, Map<string, StoredDefinition>>([
    ["workflows", new Map()],
    ["forms", new Map()],
  ]);
  readonly directory = {
    users: [
      { id: "u1", username: "alice", displayName: "Alice Chen" },
      { id: "u2", username: "bob", displayName: "Bob Martin" },
    ],
    groups: [
      { id: "service-desk", displayName: "Service desk" },
      { id: "network", displayName: "Network team" },
    ],
    "configuration-items": [{ id: "ci-mail-01", displayName: "Mail server 01" }],
  };
  /** Answers to give instead of the normal ones, for error paths the real server rarely takes. */
  readonly failures: { method: string; path: RegExp; status: number }[] = [];
  /** Every request the app sent, for assertions. */
  readonly requests: { method: string; path: string; csrf: string | undefined }[] = [];
  private clock = Date.parse("2026-11-21T09:00:00Z");

  constructor(private readonly registry: NodeRegistry = nodeRegistry) {}

  async install(page: Page): Promise<void> {
    await page.route("**/api/**", (route) => this.handle(route));
  }

  private now(): string {
    this.clock += 60_000;
    return new Date(this.clock).toISOString();
  }

  private problemsOf(kind: string, definition: unknown): Problem[] {
    return kind === "workflows" ? validateWorkflow(definition as WorkflowDefinition, this.registry) : [];
  }

  private async handle(route: Route): Promise<void> {
    const request = route.request();
    const url = new URL(request.url());
    const path = url.pathname.replace(/^\/api/, "");
    const method = request.method();
    const csrf = request.headers()["x-csrf-token"];
    this.requests.push({ method, path, csrf });
    const json = (status: number, body?: unknown) =>
      route.fulfill({
        status,
        contentType: status >= 400 ? "application/problem+json" : "application/json",
        body: body === undefined ? "" : JSON.stringify(body),
      });
    const problem = (status: number, title: string, extra: Record<string, unknown> = {}) =>
      json(status, { type: "about:blank", title, status, detail: title, ...extra });

    const failure = this.failures.find((entry) => entry.method === method && entry.path.test(path));
    if (failure) return problem(failure.status, "The server could not answer.");

    if (path === "/session" && method === "GET") {
      return json(200, {
        user: {
          id: "u0",
          username: "owner",
          displayName: "Process Owner",
          roles: ["process-owner"],
          groups: [],
        },
        csrfToken: CSRF_TOKEN,
      });
    }
    if (method !== "GET" && csrf !== CSRF_TOKEN)
      return problem(403, "Missing or wrong CSRF token.", { code: "FD4030" });

    const directory = /^\/directory\/(users|groups|configuration-items)$/.exec(path);
    if (directory && method === "GET") {
      const q = (url.searchParams.get("q") ?? "").toLowerCase();
      const items = this.directory[directory[1] as keyof typeof this.directory].filter((entry) =>
        JSON.stringify(entry).toLowerCase().includes(q),
      );
      return json(200, { items });
    }

    const match =
      /^\/(workflows|forms)(?:\/([^/]+)(?:\/(draft|validate|publish|versions|diff)(?:\/(\d+))?)?)?$/.exec(
        path,
      );
    if (!match) return problem(404, "Not found.");
    const [, kind, id, action, version] = match as unknown as [string, string, string?, string?, string?];
    const collection = this.collections.get(kind)!;
    if (!id) {
      return json(200, {
        items: [...collection.values()].map((item) => ({
          id: item.id,
          title:
            ((item.draft ?? item.versions.at(-1)?.definition) as { title?: string } | undefined)?.title ??
            item.id,
          kind: item.kind,
          latestVersion: item.versions.at(-1)?.version ?? null,
          hasDraft: item.draft !== undefined,
          updatedAt: item.updatedAt,
        })),
      });
    }
    const stored = collection.get(id);
    if (action === "draft" && method === "GET") {
      return stored?.draft === undefined
        ? problem(404, "No draft.")
        : json(200, { definition: stored.draft, updatedAt: stored.updatedAt });
    }
    if (action === "draft" && method === "PUT") {
      const definition = request.postDataJSON() as { id?: string } | null;
      if (!definition || typeof definition !== "object" || definition.id !== id) {
        return problem(400, "The body must be a definition with the id of the URL.", { code: "FD4001" });
      }
      const updatedAt = this.now();
      const entry = stored ?? {
        id,
        kind: kind === "workflows" ? "workflow" : "form",
        updatedAt,
        versions: [],
      };
      entry.draft = definition;
      entry.updatedAt = updatedAt;
      collection.set(id, entry);
      return json(200, { problems: this.problemsOf(kind, definition), updatedAt });
    }
    if (action === "validate" && method === "POST") {
      return json(200, { problems: this.problemsOf(kind, request.postDataJSON()) });
    }
    if (action === "publish" && method === "POST") {
      if (!stored?.draft) return problem(404, "No draft to publish.");
      const problems = this.problemsOf(kind, stored.draft).filter((item) => item.severity === "error");
      if (problems.length > 0)
        return problem(422, "The definition has errors.", { code: "FD4220", problems });
      const published: StoredVersion = {
        version: (stored.versions.at(-1)?.version ?? 0) + 1,
        definition: structuredClone(stored.draft),
        contentHash: createHash("sha256").update(JSON.stringify(stored.draft)).digest("hex"),
        publishedAt: this.now(),
        publishedBy: "owner",
      };
      stored.versions.push(published);
      return json(201, {
        id,
        version: published.version,
        contentHash: published.contentHash,
        publishedAt: published.publishedAt,
      });
    }
    if (action === "versions" && method === "GET" && version === undefined) {
      return json(200, {
        items: (stored?.versions ?? []).map(({ definition: _definition, ...summary }) => summary),
      });
    }
    if (action === "versions" && method === "GET") {
      const found = stored?.versions.find((item) => item.version === Number(version));
      return found
        ? json(200, { definition: found.definition, version: found.version, contentHash: found.contentHash })
        : problem(404, "No such version.");
    }
    return problem(405, "Not supported by the fake API.");
  }
}
