import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  BACKENDS,
  type Client,
  createTestUser,
  openTestApp,
  signedInUser,
  signIn,
  type TestApp,
  visitor,
} from "./support/test-app.ts";

type Principal = "anonymous" | "admin" | "process-owner" | "agent" | "requester";
const PRINCIPALS: Principal[] = ["anonymous", "admin", "process-owner", "agent", "requester"];

const EVERYONE: Principal[] = [...PRINCIPALS];
const SIGNED_IN: Principal[] = ["admin", "process-owner", "agent", "requester"];
const STAFF: Principal[] = ["admin", "process-owner", "agent"];
const DESIGNERS: Principal[] = ["admin", "process-owner"];
const ADMIN: Principal[] = ["admin"];

const designerApi = (name: string, versionReaders: Principal[]): Record<string, Principal[]> => ({
  [`list${name}`]: DESIGNERS,
  [`get${name}Draft`]: DESIGNERS,
  [`save${name}Draft`]: DESIGNERS,
  [`validate${name}`]: DESIGNERS,
  [`publish${name}`]: DESIGNERS,
  [`list${name}Versions`]: DESIGNERS,
  [`get${name}Version`]: versionReaders,
  [`diff${name}Versions`]: DESIGNERS,
});

/**
 * Who may call what: written out here independently of the server's policy table, so a
 * change to either one shows up as a failure until both agree.
 */
const EXPECTED: Record<string, Principal[]> = {
  getHealth: EVERYONE,
  getOpenApiDocument: EVERYONE,
  getSession: EVERYONE,
  createSession: EVERYONE,
  deleteSession: EVERYONE,
  changeOwnPassword: SIGNED_IN,
  listUsers: ADMIN,
  createUser: ADMIN,
  getUser: ADMIN,
  updateUser: ADMIN,
  listGroups: STAFF,
  createGroup: ADMIN,
  updateGroup: ADMIN,
  listRoles: DESIGNERS,
  listAuditLog: ADMIN,
  ...designerApi("Workflows", STAFF),
  ...designerApi("Forms", SIGNED_IN),
  ...designerApi("CatalogItemDefinitions", SIGNED_IN),
  ...designerApi("SlaPolicies", STAFF),
  listCatalogCategories: SIGNED_IN,
  listCatalogItems: SIGNED_IN,
  searchDirectoryUsers: SIGNED_IN,
  searchDirectoryGroups: SIGNED_IN,
  searchConfigurationItems: SIGNED_IN,
  searchDirectoryServices: SIGNED_IN,
  submitRequest: SIGNED_IN,
  listMyRequests: SIGNED_IN,
  getRequest: SIGNED_IN,
  cancelRequest: SIGNED_IN,
  listInstances: STAFF,
  getInstance: STAFF,
  cancelInstance: STAFF,
  getWorkflowsPositions: DESIGNERS,
  listTasks: SIGNED_IN,
  getTask: SIGNED_IN,
  getTaskContext: SIGNED_IN,
  claimTask: SIGNED_IN,
  unclaimTask: SIGNED_IN,
  completeTask: SIGNED_IN,
  approveTask: SIGNED_IN,
  rejectTask: SIGNED_IN,
  reassignTask: STAFF,
  delegateTask: SIGNED_IN,
  listIncidents: ADMIN,
  retryIncident: ADMIN,
  previewPackImport: ADMIN,
  importPack: ADMIN,
  exportPack: ADMIN,
  listEventsAfter: SIGNED_IN,
};

interface DocumentedOperation {
  operationId: string;
  method: string;
  path: string;
  hasBody: boolean;
}

const PROBE_VALUES: Record<string, string> = {
  id: "matrix-probe",
  version: "1",
};
/** A user id nobody has: admins get 404, everyone else is refused before the lookup. */
const UNKNOWN_USER_ID = "00000000-0000-0000-0000-000000000000";

const concretePath = (operation: DocumentedOperation): string => {
  const path = operation.path.replace(/\{(\w+)\}/g, (_whole, name: string) =>
    operation.path.startsWith("/api/users/") ? UNKNOWN_USER_ID : (PROBE_VALUES[name] ?? "x"),
  );
  return operation.operationId.startsWith("diff") ? `${path}?from=1&to=2` : path;
};

describe.each(BACKENDS)("authorization matrix on $name", (backend) => {
  let t: TestApp;
  let operations: DocumentedOperation[];
  const clients = new Map<Principal, Client>();

  beforeAll(async () => {
    t = await openTestApp(backend);
    for (const role of ["admin", "process-owner", "agent", "requester"] as const) {
      clients.set(role, await signedInUser(t, { username: `matrix-${role}`, roles: [role] }));
    }
    clients.set("anonymous", await visitor(t.app));
    const document = await clients.get("anonymous")?.agent.get("/api/openapi.json").expect(200);
    const paths = document?.body.paths as Record<
      string,
      Record<string, { operationId: string; requestBody?: unknown }>
    >;
    operations = Object.entries(paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({
        operationId: operation.operationId,
        method,
        path,
        hasBody: operation.requestBody !== undefined,
      })),
    );
  });
  afterAll(async () => t.close());

  it("has an expectation for every documented operation, and no expectation without one", () => {
    // then the two lists are the same
    const documented = operations.map((operation) => operation.operationId).sort();
    expect(documented).toEqual(Object.keys(EXPECTED).sort());
    expect(documented.length).toBeGreaterThan(40);
  });

  it("allows and denies exactly as expected for every operation and principal", async () => {
    const mismatches: string[] = [];
    // deleteSession signs the caller out, so it goes last.
    const ordered = [...operations].sort(
      (a, b) => Number(a.operationId === "deleteSession") - Number(b.operationId === "deleteSession"),
    );
    for (const operation of ordered) {
      for (const principal of PRINCIPALS) {
        // given the principal's signed-in client
        const client = clients.get(principal) as Client;
        // when it calls the operation (bodies are empty objects: allowed calls stop at validation, before any write)
        const call = client.agent[operation.method as "get" | "post" | "put" | "patch" | "delete"](
          concretePath(operation),
        ).set("X-CSRF-Token", client.csrf);
        const response = operation.hasBody ? await call.send({}) : await call;
        // then denial is 401 (not signed in) or 403, and allowance anything else
        const allowed = response.status !== 401 && response.status !== 403;
        const expected = EXPECTED[operation.operationId]?.includes(principal) ?? false;
        if (allowed !== expected) {
          mismatches.push(
            `${operation.operationId} as ${principal}: got ${response.status}, expected ${expected ? "allow" : "deny"}`,
          );
        }
        if (!allowed && response.status === 401) expect(principal).toBe("anonymous");
        if (response.status >= 400)
          expect(response.headers["content-type"]).toMatch(/application\/problem\+json/);
        expect(response.status).toBeLessThan(500);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it("lets a user read their own account but nobody else's", async () => {
    // given an agent, signed in afresh (the matrix signed everyone out), and their own id
    const requester = await signIn(t.app, "matrix-agent");
    const session = await requester.agent.get("/api/session").expect(200);
    const ownId = session.body.user.id as string;

    // then reading themselves works, reading another user does not
    await requester.agent.get(`/api/users/${ownId}`).expect(200);
    await requester.agent.get(`/api/users/${UNKNOWN_USER_ID}`).expect(403);
  });
});

describe("deny by default", () => {
  it("refuses an operation that has no entry in the policy table, even for an admin", async () => {
    // given an app with one extra operation the policy table does not know
    const t = await openTestApp(BACKENDS[0] ?? { name: "sqlite" }, {
      extraOperations: () => [
        {
          operationId: "probeWithoutPolicy",
          method: "get",
          path: "/api/probe-without-policy",
          summary: "probe",
          tag: "test",
          responses: { "200": { description: "never" } },
          handle: async () => ({ status: 200, body: { reached: true } }),
        },
      ],
    });
    try {
      await createTestUser(t.store, {
        username: "root",
        roles: ["admin", "process-owner", "agent", "requester"],
      });
      const admin = await signIn(t.app, "root");

      // when an admin calls it
      const response = await admin.agent.get("/api/probe-without-policy");

      // then it is refused and the handler never ran
      expect(response.status).toBe(403);
      expect(response.body.code).toBe("FD6032");
      expect(response.body.reached).toBeUndefined();
    } finally {
      await t.close();
    }
  });
});
