import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BACKENDS, openTestApp, type TestApp } from "./support/test-app.ts";

/** The policy as a map of directive -> sources, so a test names what it cares about. */
const directivesOf = (header: string | undefined): Map<string, string[]> => {
  const directives = new Map<string, string[]>();
  for (const part of (header ?? "").split(";")) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name, sources);
  }
  return directives;
};

describe("security headers", () => {
  const dist = mkdtempSync(join(tmpdir(), "flowdesk-web-"));
  let t: TestApp;
  let behindProxy: TestApp;

  beforeAll(async () => {
    writeFileSync(join(dist, "index.html"), "<!doctype html><title>Flowdesk app</title>");
    writeFileSync(join(dist, "app.js"), "console.log('flowdesk');");
    const backend = BACKENDS[0] ?? { name: "sqlite" };
    t = await openTestApp(backend, { webRoot: dist });
    behindProxy = await openTestApp(backend, { webRoot: dist, trustProxy: true });
  });

  afterAll(async () => {
    await t.close();
    await behindProxy.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it("gives the web app a strict policy: own origin only, no inline script, no framing", async () => {
    // given the built web app
    // when its page and one of its scripts are fetched
    for (const path of ["/", "/portal/catalog", "/app.js"]) {
      const response = await request(t.app).get(path).expect(200);
      const csp = directivesOf(response.headers["content-security-policy"]);

      // then
      expect(csp.get("default-src")).toEqual(["'self'"]);
      expect(csp.get("script-src")).toContain("'self'");
      expect(csp.get("script-src")).not.toContain("'unsafe-inline'");
      expect(csp.get("script-src")?.some((source) => source.includes("*") || source.endsWith(":"))).toBe(
        false,
      );
      expect(csp.get("style-src")).toEqual(["'self'"]);
      expect(csp.get("img-src")).toEqual(["'self'", "data:"]);
      expect(csp.get("connect-src")).toEqual(["'self'"]);
      expect(csp.get("object-src")).toEqual(["'none'"]);
      expect(csp.get("base-uri")).toEqual(["'self'"]);
      expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
      expect(csp.get("form-action")).toEqual(["'self'"]);
      expect(csp.has("upgrade-insecure-requests")).toBe(false);
    }
  });

  it("gives API answers a policy that lets nothing load, on success and on error", async () => {
    // given the API
    // when a JSON answer and a problem answer are fetched
    const health = await request(t.app).get("/api/health").expect(200);
    const missing = await request(t.app).get("/api/nothing-here").expect(404);

    // then
    for (const response of [health, missing]) {
      expect(response.headers["content-security-policy"]).toBe("default-src 'none';frame-ancestors 'none'");
    }
  });

  it("keeps the other headers on both the web app and the API", async () => {
    // given the app
    // when the page and an API answer are fetched
    const page = await request(t.app).get("/");
    const api = await request(t.app).get("/api/health");

    // then
    for (const response of [page, api]) {
      expect(response.headers["x-content-type-options"]).toBe("nosniff");
      expect(response.headers["x-frame-options"]).toBe("DENY");
      expect(response.headers["referrer-policy"]).toBe("same-origin");
      expect(response.headers["cross-origin-opener-policy"]).toBe("same-origin");
      expect(response.headers["x-powered-by"]).toBeUndefined();
    }
    expect(api.headers["cache-control"]).toBe("no-store");
  });

  it("asks browsers for HTTPS only on requests that came over HTTPS", async () => {
    // given a server behind a trusted TLS-terminating proxy
    // when one request came in over HTTPS and one over plain HTTP
    const secure = await request(behindProxy.app).get("/api/health").set("X-Forwarded-Proto", "https");
    const plain = await request(behindProxy.app).get("/api/health");
    const direct = await request(t.app).get("/").set("X-Forwarded-Proto", "https");

    // then only the HTTPS one carries Strict-Transport-Security (an untrusted header does not count)
    expect(secure.headers["strict-transport-security"]).toMatch(/^max-age=\d{8}; includeSubDomains$/);
    expect(plain.headers["strict-transport-security"]).toBeUndefined();
    expect(direct.headers["strict-transport-security"]).toBeUndefined();
  });
});
