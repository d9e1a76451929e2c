import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { InstanceState } from "@flowdesk/core";
import { createApp } from "@flowdesk/server";
import {
  createPostgresDatabase,
  dropPostgresDatabase,
  type OpenStoreOptions,
  openServerStore,
  type ServerStore,
} from "@flowdesk/store";
import { afterEach, describe, expect, it } from "vitest";
import { HardwareDesk } from "./support/hardware-desk.ts";
import { BACKENDS, quietLogger, signIn, type TestApp } from "./support/test-app.ts";

/*
 * Releasing or reassigning a task used to change only its row. Databases written then can
 * hold instance states that still name the earlier claimer; migration 0016 makes them say
 * what the rows say, so the new holder can claim and work the task.
 */

interface Location {
  options: OpenStoreOptions;
  dispose(): Promise<void>;
}

const location = async (name: "sqlite" | "postgres"): Promise<Location> => {
  if (name === "postgres") {
    const adminUrl = process.env.TEST_PG_URL as string;
    const database = `flowdesk_legacy_${randomBytes(6).toString("hex")}`;
    const url = await createPostgresDatabase(adminUrl, database);
    return {
      options: { databaseUrl: url, poolSize: 4 },
      dispose: () => dropPostgresDatabase(adminUrl, database),
    };
  }
  const dataDir = mkdtempSync(join(tmpdir(), "flowdesk-legacy-"));
  return { options: { dataDir }, dispose: async () => rmSync(dataDir, { recursive: true, force: true }) };
};

const appOn = (store: ServerStore): TestApp => ({
  app: createApp({ log: quietLogger, store }).app,
  store,
  close: () => store.close(),
});

describe.each(BACKENDS)("tasks moved by an earlier release, on $name", (backend) => {
  let where: Location | undefined;
  let open: TestApp | undefined;
  afterEach(async () => {
    await open?.close();
    await where?.dispose();
    open = undefined;
    where = undefined;
  });

  it("gives a task reassigned by row only to its new group, whose member can then claim it", async () => {
    // given a group task fiona claimed, then moved to the CAB the old way: the row only
    where = await location(backend.name);
    open = appOn(await openServerStore(where.options));
    const users: [string, string[], string[]][] = [
      ["olivia", ["process-owner"], []],
      ["rita", ["requester"], []],
      ["fiona", ["agent"], ["procurement"]],
      ["carl", ["agent"], ["cab"]],
    ];
    const desk = await HardwareDesk.open(open, users);
    const requestId = await desk.submit("rita");
    const [task] = await open.store.transaction((tx) => tx.tasks.listByInstance(requestId));
    const taskId = task!.id;
    expect((await desk.post("fiona", `/api/tasks/${taskId}/claim`)).status).toBe(200);
    await open.store.transaction(async (tx) => {
      await tx.sql.run(
        "UPDATE tasks SET state = 'open', assignee_user = NULL, assignee_group = 'cab' WHERE id = ?",
        [taskId],
      );
      await tx.sql.run("DELETE FROM knex_migrations WHERE name = '0016_task_holders_in_state'");
    });
    const stale = await open.store.transaction((tx) => tx.instances.get(requestId));
    expect((stale!.state as InstanceState).tasks[taskId]?.claimedBy).toBe("fiona");
    await open.close();

    // when the server starts again on that database (migrations run)
    open = appOn(await openServerStore(where.options));
    const carl = await signIn(open.app, "carl");

    // then the state names nobody as claimer and the CAB as assignee, and carl may claim it
    const upgraded = await open.store.transaction((tx) => tx.instances.get(requestId));
    const inState = (upgraded!.state as InstanceState).tasks[taskId];
    expect(inState?.claimedBy).toBeUndefined();
    expect(inState?.assignment).toEqual({ kind: "group", group: "cab" });
    const claimed = await carl.agent.post(`/api/tasks/${taskId}/claim`).set("X-CSRF-Token", carl.csrf);
    expect(claimed.status).toBe(200);
    expect(claimed.body).toMatchObject({ id: taskId, state: "claimed", assigneeUser: "carl" });
  });
});
