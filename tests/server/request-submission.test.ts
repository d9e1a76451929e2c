import { createApp } from "@flowdesk/server";
import type { ServerStore, ServerTransaction } from "@flowdesk/store";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HARDWARE_DATA, HardwareDesk } from "./support/hardware-desk.ts";
import {
  BACKENDS,
  databaseFingerprint,
  openTestStore,
  quietLogger,
  type TestApp,
} from "./support/test-app.ts";

/** The tables a submission writes: the request, its instance and everything the first step produced. */
const WRITTEN = ["requests", "instances", "tasks", "jobs", "history", "outbox", "incidents"];

type Breakage = "none" | "request row not written" | "request row not read back";

/**
 * The store as the app sees it, except that the request repository can be made to fail:
 * a failure in the middle of a submission, after the instance and its rows were written.
 */
const breakableStore = (store: ServerStore, breakage: () => Breakage): ServerStore => {
  const broken = (what: string) => async () => {
    throw new Error(`injected failure: ${what}`);
  };
  return Object.assign(Object.create(store) as ServerStore, {
    transaction: <T>(work: (tx: ServerTransaction) => Promise<T>) =>
      store.transaction((tx) => {
        const failing = breakage();
        if (failing === "none") return work(tx);
        const requests =
          failing === "request row not written"
            ? { ...tx.requests, insert: broken(failing) }
            : { ...tx.requests, get: broken(failing) };
        return work({ ...tx, requests });
      }),
  });
};

describe.each(BACKENDS)("request submission on $name", (backend) => {
  let t: TestApp;
  let desk: HardwareDesk;
  let breakage: Breakage = "none";

  const written = async (): Promise<Record<string, string | undefined>> => {
    const all = await databaseFingerprint(t.store);
    return Object.fromEntries(WRITTEN.map((table) => [table, all[table]]));
  };

  beforeAll(async () => {
    const opened = await openTestStore(backend);
    const store = breakableStore(opened.store, () => breakage);
    const { app } = createApp({ log: quietLogger, store });
    t = { app, store: opened.store, close: opened.close };
    desk = await HardwareDesk.open(t, [
      ["olivia", ["process-owner"], []],
      ["rita", ["requester"], []],
    ]);
  });
  afterAll(async () => t.close());

  it.each<Breakage>(["request row not written", "request row not read back"])(
    "leaves nothing behind when the submission fails midway (%s)",
    async (failure) => {
      // given a desk where one request was submitted, and the tables as they stand
      await desk.submit("rita");
      const before = await written();

      // when a submission fails after its instance, task and history were written
      breakage = failure;
      const response = await desk.post("rita", "/api/requests", {
        catalogItemId: "handed-out-hardware",
        data: HARDWARE_DATA,
      });
      breakage = "none";

      // then it is answered as failed and none of its rows were committed
      expect(response.status).toBe(500);
      expect(await written()).toEqual(before);
    },
  );

  it("answers a submission with the request it committed", async () => {
    // given nothing broken
    // when rita submits
    const response = await desk.post("rita", "/api/requests", {
      catalogItemId: "handed-out-hardware",
      data: HARDWARE_DATA,
    });

    // then the request, its instance and its first task exist together
    expect(response.status).toBe(201);
    const id = response.body.id as string;
    const rows = await t.store.transaction(async (tx) => ({
      request: await tx.requests.get(id),
      instance: await tx.instances.get(id),
      tasks: await tx.tasks.listByInstance(id),
    }));
    expect(rows.request).toMatchObject({
      instanceId: id,
      status: "running",
      catalogItemId: "handed-out-hardware",
    });
    expect(rows.instance?.version).toBe(1);
    expect(rows.tasks).toHaveLength(1);
  });
});
