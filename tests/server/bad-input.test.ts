import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  BACKENDS,
  type Client,
  createTestUser,
  databaseFingerprint,
  openTestApp,
  signIn,
  type TestApp,
} from "./support/test-app.ts";

interface PropertySchema {
  type?: string | string[];
  const?: unknown;
  enum?: unknown[];
}

interface DocumentedOperation {
  operationId: string;
  method: "post" | "put" | "patch" | "delete";
  path: string;
  bodySchema: { properties?: Record<string, PropertySchema> } | undefined;
}

const ONE_MEGABYTE = "x".repeat(1024 * 1024);

/** A value of a type the property does not accept. */
const wrongValueFor = (schema: PropertySchema): unknown => {
  const types = Array.isArray(schema.type) ? schema.type : schema.type === undefined ? [] : [schema.type];
  if (types.includes("string") || schema.const !== undefined || schema.enum !== undefined) return 12345;
  if (types.includes("integer") || types.includes("number")) return "not a number";
  if (types.includes("boolean")) return "yes";
  if (types.includes("array")) return "not a list";
  return 12345;
};

describe.each(BACKENDS)("bad input on $name", (backend) => {
  let t: TestApp;
  let admin: Client;
  let operations: DocumentedOperation[];
  let userId: string;

  beforeAll(async () => {
    t = await openTestApp(backend);
    userId = await createTestUser(t.store, {
      username: "root",
      roles: ["admin", "process-owner", "agent", "requester"],
      groups: ["service-desk"],
    });
    admin = await signIn(t.app, "root");
    const document = await admin.agent.get("/api/openapi.json").expect(200);
    const paths = document.body.paths as Record<
      string,
      Record<
        string,
        { operationId: string; requestBody?: { content: { "application/json": { schema: unknown } } } }
      >
    >;
    operations = Object.entries(paths).flatMap(([path, methods]) =>
      Object.entries(methods)
        .filter(([method]) => method !== "get")
        .map(([method, operation]) => ({
          operationId: operation.operationId,
          method: method as DocumentedOperation["method"],
          path: path.replace(
            "{id}",
            path.startsWith("/api/users/")
              ? userId
              : path.startsWith("/api/groups/")
                ? "service-desk"
                : "bad-input-probe",
          ),
          bodySchema: operation.requestBody?.content["application/json"]
            .schema as DocumentedOperation["bodySchema"],
        })),
    );
  });
  afterAll(async () => t.close());

  const send = (operation: DocumentedOperation, body: string | object) => {
    const call = admin.agent[operation.method](operation.path)
      .set("X-CSRF-Token", admin.csrf)
      .set("Content-Type", "application/json");
    return call.send(typeof body === "string" ? body : JSON.stringify(body));
  };

  const expectProblem = (response: { status: number; headers: Record<string, string> }, label: string) => {
    expect(response.status, label).toBeGreaterThanOrEqual(400);
    expect(response.status, label).toBeLessThan(500);
    expect(response.headers["content-type"], label).toMatch(/application\/problem\+json/);
  };

  it("answers every kind of bad body with a 4xx problem and changes nothing", async () => {
    // given the database as it is
    const before = await databaseFingerprint(t.store);
    const withBody = operations.filter((operation) => operation.bodySchema !== undefined);
    expect(withBody.length).toBeGreaterThan(10);

    for (const operation of withBody) {
      const label = operation.operationId;
      // when the body is not JSON
      const malformed = await send(operation, '{"title": "unterminated');
      // then
      expectProblem(malformed, `${label} malformed`);
      expect(malformed.status, label).toBe(400);
      expect(malformed.body.code, label).toBe("FD6002");

      // when a field has an unknown name
      const unknown = await send(operation, { surpriseField: true });
      expectProblem(unknown, `${label} unknown field`);
      expect(unknown.status, label).toBe(400);
      expect(
        unknown.body.problems.map((problem: { pointer: string }) => problem.pointer),
        label,
      ).toContain("/surpriseField");

      for (const [name, schema] of Object.entries(operation.bodySchema?.properties ?? {})) {
        // when a known field has the wrong type
        const wrong = await send(operation, { [name]: wrongValueFor(schema) });
        // then the problem points at that field
        expectProblem(wrong, `${label}.${name} wrong type`);
        expect(wrong.status, `${label}.${name}`).toBe(400);
        expect(
          wrong.body.problems.map((problem: { pointer: string }) => problem.pointer),
          `${label}.${name}`,
        ).toContain(`/${name}`);

        // when a known field holds a 1 MB string
        const huge = await send(operation, { [name]: ONE_MEGABYTE });
        expectProblem(huge, `${label}.${name} 1 MB`);
      }

      // when the body is JSON but not an object
      const list = await send(operation, "[1, 2, 3]");
      expectProblem(list, `${label} array body`);
    }

    // then not one row changed
    expect(await databaseFingerprint(t.store)).toEqual(before);
  });

  it("refuses a body on state-changing operations that take none", async () => {
    // given
    const before = await databaseFingerprint(t.store);
    const withoutBody = operations.filter((operation) => operation.bodySchema === undefined);
    expect(withoutBody.map((operation) => operation.operationId)).toContain("publishWorkflows");

    for (const operation of withoutBody) {
      // when one is sent anyway
      const response = await send(operation, { unexpected: 1 });
      // then
      expectProblem(response, operation.operationId);
      expect(response.status, operation.operationId).toBe(400);
    }
    expect(await databaseFingerprint(t.store)).toEqual(before);
  });

  it("answers 413 to a body over the limit, and 415 to a body that is not JSON", async () => {
    // when
    const tooLarge = await admin.agent
      .post("/api/groups")
      .set("X-CSRF-Token", admin.csrf)
      .set("Content-Type", "application/json")
      .send(JSON.stringify({ id: "big", title: "x".repeat(2 * 1024 * 1024) }));
    const notJson = await admin.agent
      .post("/api/groups")
      .set("X-CSRF-Token", admin.csrf)
      .set("Content-Type", "text/plain")
      .send("id=big");

    // then
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.headers["content-type"]).toMatch(/application\/problem\+json/);
    expect(notJson.status).toBe(415);
    expect(notJson.headers["content-type"]).toMatch(/application\/problem\+json/);
  });

  it("validates path parameters and query strings", async () => {
    // when
    const cases = [
      "/api/users?limit=abc",
      "/api/users?limit=0",
      "/api/users?surprise=1",
      "/api/users?limit=1&limit=2",
      "/api/audit-log?offset=-1",
      "/api/forms/laptop-request/versions/abc",
      "/api/forms/laptop-request/versions/0",
      "/api/forms/Not_A_Slug/draft",
      "/api/forms/laptop-request/diff?from=1",
      `/api/directory/users?q=${"x".repeat(500)}`,
    ];
    for (const path of cases) {
      const response = await admin.agent.get(path);
      // then each is a 400 problem
      expect(response.status, path).toBe(400);
      expect(response.headers["content-type"], path).toMatch(/application\/problem\+json/);
      expect(response.body.problems.length, path).toBeGreaterThan(0);
    }
  });

  it("answers unknown API routes with a 404 problem", async () => {
    // when
    const response = await admin.agent.get("/api/no-such-thing");
    const wrongMethod = await admin.agent.patch("/api/health").set("X-CSRF-Token", admin.csrf);

    // then
    expect(response.status).toBe(404);
    expect(response.headers["content-type"]).toMatch(/application\/problem\+json/);
    expect(wrongMethod.status).toBe(404);
  });

  it("refuses every state-changing operation without the CSRF token, even for an admin, and changes nothing", async () => {
    // given
    const before = await databaseFingerprint(t.store);
    expect(operations.length).toBeGreaterThan(15);

    for (const operation of operations) {
      // when the admin calls it with a perfectly shaped cookie but no token
      const response = await admin.agent[operation.method](operation.path).send({});
      // then
      expect(response.status, operation.operationId).toBe(403);
      expect(response.body.code, operation.operationId).toBe("FD6031");
    }
    expect(await databaseFingerprint(t.store)).toEqual(before);
  });

  it("documents every path parameter of every operation", async () => {
    // given the document
    const document = await admin.agent.get("/api/openapi.json").expect(200);
    const paths = document.body.paths as Record<
      string,
      Record<string, { parameters: { name: string; in: string }[] }>
    >;

    for (const [path, methods] of Object.entries(paths)) {
      const named = [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
      for (const [method, operation] of Object.entries(methods)) {
        // then each {name} in the path is a documented path parameter
        const documented = operation.parameters
          .filter((parameter) => parameter.in === "path")
          .map((p) => p.name);
        expect(documented.sort(), `${method} ${path}`).toEqual([...named].sort());
      }
    }
  });
});
