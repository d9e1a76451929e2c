import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HardwareDesk, hardwareFixture } from "../server/support/hardware-desk.ts";
import {
  BACKENDS,
  type Client,
  openTestApp,
  signIn,
  type TestApp,
  visitor,
} from "../server/support/test-app.ts";
import { ContractClient, loadDocument } from "./support/contract-client.ts";

/*
 * Drives every operation of the OpenAPI document through the real app, on each database:
 * its success path and at least one error path. Every answer is checked against the schema
 * the document declares for its status (ContractClient), and the last test proves the set of
 * operations exercised is the set documented, so a new operation without a test here fails.
 */

const REPOSITORY_ROOT = resolve(import.meta.dirname, "../..");
const NEW_PASSWORD = "another long passphrase";

const slaPolicy = (): Record<string, unknown> =>
  JSON.parse(
    readFileSync(resolve(REPOSITORY_ROOT, "workflows/request-sla.sla-policy.json"), "utf8"),
  ) as Record<string, unknown>;

/** The designer API per kind: the definition it publishes twice (v1 may already exist). */
const KINDS = [
  {
    segment: "workflows",
    name: "Workflows",
    definition: () => hardwareFixture("hardware-fulfilment.workflow.json"),
  },
  { segment: "forms", name: "Forms", definition: () => hardwareFixture("hardware-request.form.json") },
  {
    segment: "catalog-items",
    name: "CatalogItemDefinitions",
    definition: () => hardwareFixture("handed-out-hardware.catalog-item.json"),
  },
  { segment: "sla-policies", name: "SlaPolicies", definition: slaPolicy },
] as const;

describe.each(BACKENDS)("every API operation keeps its contract on $name", (backend) => {
  let t: TestApp;
  let desk: HardwareDesk;
  let api: ContractClient;
  const as = (username: string): Client => desk.as(username);

  /** Submits a request for `item` as rita; returns its id. */
  const submit = async (item = "handed-out-hardware"): Promise<string> => {
    const response = await api.call(as("rita"), "submitRequest", {
      body: { catalogItemId: item, data: { item: "Monitor", quantity: 1 } },
    });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body.id as string;
  };
  const openTaskOf = async (requestId: string): Promise<{ id: string; version: number }> => {
    const detail = await api.call(as("rita"), "getRequest", { params: { id: requestId } });
    return detail.body.openTasks[0] as { id: string; version: number };
  };

  beforeAll(async () => {
    t = await openTestApp(backend);
    desk = await HardwareDesk.open(t, [
      ["ada", ["admin"], []],
      ["olivia", ["process-owner"], []],
      ["rita", ["requester"], []],
      ["fiona", ["agent"], ["procurement", "cab"]],
      ["fred", ["agent"], ["procurement", "cab"]],
    ]);
    // An approval step that may be delegated, for the approval operations.
    const approval = hardwareFixture("hardware-approval.workflow.json") as {
      nodes: { id: string; config?: Record<string, unknown> }[];
    };
    for (const node of approval.nodes) {
      if (node.id === "approve-hardware") node.config = { ...node.config, allowDelegation: true };
    }
    await desk.publish("olivia", "workflows", approval);
    await desk.publish("olivia", "catalog-items", hardwareFixture("approved-hardware.catalog-item.json"));
    api = new ContractClient(t.app, await loadDocument(t.app));
  });
  afterAll(async () => t.close());

  it("system and session", async () => {
    expect((await api.call(undefined, "getHealth")).status).toBe(200);
    expect((await api.call(undefined, "getOpenApiDocument")).status).toBe(200);
    expect((await api.call(undefined, "getSession")).status).toBe(200);

    // sign-in: refused with a wrong password, then as rita
    const guest = await visitor(t.app);
    const wrong = await api.call(guest, "createSession", {
      body: { username: "rita", password: "not it at all" },
    });
    expect(wrong.status).toBe(401);
    const signedIn = await api.call(guest, "createSession", {
      body: { username: "rita", password: "correct horse battery staple" },
    });
    expect(signedIn.status).toBe(200);

    // a password change: refused with a wrong current one, then done; then sign-out
    const created = await api.call(as("ada"), "createUser", {
      body: { username: "paul", displayName: "Paul Password", password: "correct horse battery staple" },
    });
    expect(created.status).toBe(201);
    const paul = await signIn(t.app, "paul");
    const refused = await api.call(paul, "changeOwnPassword", {
      body: { currentPassword: "not the password", newPassword: NEW_PASSWORD },
    });
    expect(refused.status).toBe(401);
    const changed = await api.call(paul, "changeOwnPassword", {
      body: { currentPassword: "correct horse battery staple", newPassword: NEW_PASSWORD },
    });
    expect(changed.status).toBe(204);
    expect((await api.call(paul, "deleteSession")).status).toBe(204);
    // a signed-out client still holds a session cookie that no longer exists
    expect(
      (
        await api.call(paul, "changeOwnPassword", {
          body: { currentPassword: "x", newPassword: NEW_PASSWORD },
        })
      ).status,
    ).toBe(403);
  }, 180_000);

  it("users, groups, roles and the audit log", async () => {
    const admin = as("ada");
    expect((await api.call(admin, "listUsers", { query: { q: "ri" } })).status).toBe(200);
    const duplicate = await api.call(admin, "createUser", {
      body: { username: "rita", displayName: "Rita again", password: "correct horse battery staple" },
    });
    expect(duplicate.status).toBe(409);
    const rita = (await api.call(admin, "listUsers", { query: { q: "rita" } })).body.items[0] as {
      id: string;
    };
    expect((await api.call(admin, "getUser", { params: { id: rita.id } })).status).toBe(200);
    expect((await api.call(admin, "getUser", { params: { id: "no-such-user" } })).status).toBe(404);
    expect(
      (
        await api.call(admin, "updateUser", {
          params: { id: rita.id },
          body: { displayName: "Rita Requester" },
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await api.call(admin, "updateUser", {
          params: { id: "no-such-user" },
          body: { displayName: "Nobody" },
        })
      ).status,
    ).toBe(404);

    expect((await api.call(admin, "listGroups")).status).toBe(200);
    expect(
      (await api.call(admin, "createGroup", { body: { id: "field-service", title: "Field service" } }))
        .status,
    ).toBe(201);
    expect(
      (await api.call(admin, "createGroup", { body: { id: "field-service", title: "Again" } })).status,
    ).toBe(409);
    expect(
      (
        await api.call(admin, "updateGroup", {
          params: { id: "field-service" },
          body: { description: "On site" },
        })
      ).status,
    ).toBe(200);
    expect(
      (await api.call(admin, "updateGroup", { params: { id: "no-such-group" }, body: { title: "Nobody" } }))
        .status,
    ).toBe(404);
    expect((await api.call(admin, "listRoles")).status).toBe(200);
    expect((await api.call(as("rita"), "listRoles")).status).toBe(403);

    expect((await api.call(admin, "listAuditLog", { query: { action: "user." } })).status).toBe(200);
    expect((await api.call(as("rita"), "listAuditLog")).status).toBe(403);
  });

  it.each(KINDS)("the designer API of $segment", async ({ segment, name, definition }) => {
    const owner = as("olivia");
    const original = definition();
    const id = String(original.id);
    // two published versions: the original and one with a new title
    await desk.publish("olivia", segment, original);
    const changed = { ...original, title: `${String(original.title)} (revised)` };

    expect((await api.call(owner, `list${name}`)).status).toBe(200);
    expect((await api.call(owner, `save${name}Draft`, { params: { id }, body: changed })).status).toBe(200);
    expect(
      (await api.call(owner, `save${name}Draft`, { params: { id: "other-id" }, body: changed })).status,
    ).toBe(400);
    expect((await api.call(owner, `get${name}Draft`, { params: { id } })).status).toBe(200);
    expect((await api.call(owner, `get${name}Draft`, { params: { id: "no-such-draft" } })).status).toBe(404);
    expect((await api.call(owner, `validate${name}`, { params: { id }, body: changed })).status).toBe(200);
    expect((await api.call(owner, `publish${name}`, { params: { id } })).status).toBe(201);
    expect((await api.call(owner, `publish${name}`, { params: { id: "no-such-draft" } })).status).toBe(404);
    const versions = await api.call(owner, `list${name}Versions`, { params: { id } });
    expect(versions.status).toBe(200);
    expect(
      (await api.call(owner, `list${name}Versions`, { params: { id: "no-such-definition" } })).status,
    ).toBe(404);
    const newest = (versions.body.items as { version: number }[]).at(-1)?.version ?? 1;
    expect((await api.call(owner, `get${name}Version`, { params: { id, version: newest } })).status).toBe(
      200,
    );
    expect((await api.call(owner, `get${name}Version`, { params: { id, version: 999 } })).status).toBe(404);
    expect(
      (await api.call(owner, `diff${name}Versions`, { params: { id }, query: { from: 1, to: newest } }))
        .status,
    ).toBe(200);
    expect(
      (await api.call(owner, `diff${name}Versions`, { params: { id }, query: { from: 1, to: 999 } })).status,
    ).toBe(404);
  });

  it("catalog and directory", async () => {
    const rita = as("rita");
    for (const operationId of [
      "listCatalogCategories",
      "listCatalogItems",
      "searchDirectoryUsers",
      "searchDirectoryGroups",
      "searchConfigurationItems",
      "searchDirectoryServices",
    ]) {
      expect((await api.call(rita, operationId)).status, operationId).toBe(200);
      expect((await api.call(undefined, operationId)).status, operationId).toBe(401);
    }
  });

  it("requests and instances", async () => {
    const rita = as("rita");
    const requestId = await submit();
    const unknownItem = await api.call(rita, "submitRequest", {
      body: { catalogItemId: "no-such-item", data: {} },
    });
    expect(unknownItem.status).toBe(404);
    const badData = await api.call(rita, "submitRequest", {
      body: { catalogItemId: "handed-out-hardware", data: { quantity: "many" } },
    });
    expect(badData.status).toBe(422);
    expect((await api.call(rita, "listMyRequests", { query: { status: "running" } })).status).toBe(200);
    expect((await api.call(rita, "getRequest", { params: { id: requestId } })).status).toBe(200);
    expect((await api.call(rita, "getRequest", { params: { id: "no-such-request" } })).status).toBe(404);
    const withdrawn = await submit();
    expect(
      (
        await api.call(rita, "cancelRequest", {
          params: { id: withdrawn },
          body: { reason: "No longer needed" },
        })
      ).status,
    ).toBe(200);
    expect((await api.call(rita, "cancelRequest", { params: { id: withdrawn } })).status).toBe(409);

    const owner = as("olivia");
    expect(
      (await api.call(owner, "listInstances", { query: { definition: "hardware-fulfilment" } })).status,
    ).toBe(200);
    expect((await api.call(owner, "getInstance", { params: { id: requestId } })).status).toBe(200);
    expect((await api.call(owner, "getInstance", { params: { id: "no-such-instance" } })).status).toBe(404);
    const cancelled = await submit();
    expect((await api.call(owner, "cancelInstance", { params: { id: cancelled } })).status).toBe(200);
    expect((await api.call(owner, "cancelInstance", { params: { id: "no-such-instance" } })).status).toBe(
      404,
    );

    expect(
      (await api.call(owner, "getWorkflowsPositions", { params: { id: "hardware-fulfilment" } })).status,
    ).toBe(200);
    expect(
      (await api.call(owner, "getWorkflowsPositions", { params: { id: "no-such-workflow" } })).status,
    ).toBe(404);
  });

  it("tasks: the inbox, claiming, reassigning and completing", async () => {
    const task = await openTaskOf(await submit());
    const fiona = as("fiona");
    const fred = as("fred");
    expect((await api.call(fiona, "listTasks", { query: { scope: "groups" } })).status).toBe(200);
    expect((await api.call(fiona, "getTask", { params: { id: task.id } })).status).toBe(200);
    expect((await api.call(as("rita"), "getTask", { params: { id: task.id } })).status).toBe(404);
    expect((await api.call(fiona, "getTaskContext", { params: { id: task.id } })).status).toBe(200);
    expect((await api.call(fiona, "getTaskContext", { params: { id: "no-such-task" } })).status).toBe(404);

    expect((await api.call(fiona, "claimTask", { params: { id: task.id } })).status).toBe(200);
    expect((await api.call(fred, "claimTask", { params: { id: task.id } })).status).toBe(409);
    expect((await api.call(fiona, "unclaimTask", { params: { id: task.id } })).status).toBe(200);
    expect((await api.call(fiona, "unclaimTask", { params: { id: "no-such-task" } })).status).toBe(404);
    expect(
      (await api.call(fiona, "reassignTask", { params: { id: task.id }, body: { user: "nobody-here" } }))
        .status,
    ).toBe(422);
    expect(
      (await api.call(fiona, "reassignTask", { params: { id: task.id }, body: { user: "fred" } })).status,
    ).toBe(200);
    expect(
      (await api.call(fred, "completeTask", { params: { id: task.id }, body: { data: {} } })).status,
    ).toBe(200);
    expect(
      (await api.call(fred, "completeTask", { params: { id: task.id }, body: { data: {} } })).status,
    ).toBe(409);
  });

  it("tasks: approving, rejecting and delegating approvals", async () => {
    const fiona = as("fiona");
    const approved = await openTaskOf(await submit("approved-hardware"));
    expect(
      (await api.call(fiona, "approveTask", { params: { id: approved.id }, body: { comment: "Fine" } }))
        .status,
    ).toBe(200);
    expect((await api.call(fiona, "approveTask", { params: { id: approved.id }, body: {} })).status).toBe(
      409,
    );

    const rejected = await openTaskOf(await submit("approved-hardware"));
    expect(
      (await api.call(fiona, "rejectTask", { params: { id: rejected.id }, body: { comment: "Over budget" } }))
        .status,
    ).toBe(200);
    const plainTask = await openTaskOf(await submit());
    expect(
      (await api.call(fiona, "rejectTask", { params: { id: plainTask.id }, body: { comment: "No" } })).status,
    ).toBe(409);

    const delegated = await openTaskOf(await submit("approved-hardware"));
    expect(
      (await api.call(fiona, "delegateTask", { params: { id: delegated.id }, body: { user: "nobody-here" } }))
        .status,
    ).toBe(422);
    const handed = await api.call(fiona, "delegateTask", {
      params: { id: delegated.id },
      body: { user: "fred" },
    });
    expect(handed.status, JSON.stringify(handed.body)).toBe(200);
  });

  it("incidents, packs and missed events", async () => {
    const admin = as("ada");
    const requestId = await submit();
    const incidentId = `incident-${requestId}`;
    await t.store.transaction((tx) =>
      tx.incidents.insert({
        id: incidentId,
        instanceId: requestId,
        nodeId: "hand-out",
        tokenId: null,
        jobId: null,
        error: { code: "FD6504", kind: "operational", message: "mail server unreachable", retryable: true },
        status: "open",
        retryCount: 0,
        createdAt: new Date().toISOString(),
        resolvedAt: null,
      }),
    );
    expect((await api.call(admin, "listIncidents")).status).toBe(200);
    expect((await api.call(admin, "retryIncident", { params: { id: incidentId } })).status).toBe(200);
    expect((await api.call(admin, "retryIncident", { params: { id: incidentId } })).status).toBe(409);

    const exported = await api.call(admin, "exportPack", {
      query: { id: "contract-pack", version: "1.0.0" },
    });
    expect(exported.status).toBe(200);
    expect((await api.call(admin, "previewPackImport", { body: exported.body })).status).toBe(200);
    expect((await api.call(admin, "importPack", { body: exported.body })).status).toBe(200);
    const broken = { ...exported.body, schemaVersion: 999 };
    expect((await api.call(admin, "previewPackImport", { body: broken })).status).toBe(422);
    expect((await api.call(admin, "importPack", { body: broken })).status).toBe(422);
    expect((await api.call(as("rita"), "exportPack")).status).toBe(403);

    expect((await api.call(as("rita"), "listEventsAfter", { query: { after: 0 } })).status).toBe(200);
    expect((await api.call(undefined, "listEventsAfter")).status).toBe(401);
  });

  it("every operation refuses a request that does not fit its schema, as a problem document", async () => {
    // given an admin, who passes every policy, and a query parameter no operation knows
    for (const operationId of api.operationIds) {
      // when each operation is called with it
      const response = await api.call(as("ada"), operationId, {
        params: { id: "x", version: 1 },
        query: { unexpected: "1" },
      });
      // then the answer is 400 (and matched the problem schema in call)
      expect(response.status, operationId).toBe(400);
    }
  });

  it("has exercised exactly the documented operations, each with a success and an error", () => {
    expect(api.answeredIn(200, 300)).toEqual(api.operationIds);
    expect(api.answeredIn(400, 600)).toEqual(api.operationIds);
  });
});
