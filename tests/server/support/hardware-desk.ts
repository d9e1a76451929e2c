import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { ServerStore } from "@flowdesk/store";
import { expect } from "vitest";
import { type Client, signedInUser, type TestApp } from "./test-app.ts";

/**
 * A small service desk for server tests: users signed in by name, and the
 * "handed-out hardware" catalog item (form, fulfilment workflow, item) published over
 * the designer API, ready for requests.
 */
const FIXTURES = resolve(import.meta.dirname, "../../integration/server-live/fixtures");

export const HARDWARE_DATA = { item: "Monitor", quantity: 1 };

export const hardwareFixture = (file: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(FIXTURES, file), "utf8")) as Record<string, unknown>;

export type DeskUser = [username: string, roles: string[], groups: string[]];

export class HardwareDesk {
  private readonly clients: Record<string, Client> = {};

  constructor(private readonly t: TestApp) {}

  async signInAll(users: readonly DeskUser[]): Promise<void> {
    for (const [username, roles, groups] of users) {
      this.clients[username] = await signedInUser(this.t, { username, roles, groups });
    }
  }

  as(username: string): Client {
    const client = this.clients[username];
    if (!client) throw new Error(`${username} has not signed in`);
    return client;
  }

  /** Posts as `username`; without a body, none is sent (operations that take none refuse even `{}`). */
  post(username: string, path: string, body?: object) {
    const call = this.as(username).agent.post(path).set("X-CSRF-Token", this.as(username).csrf);
    return body === undefined ? call : call.send(body);
  }

  /** Saves the draft and publishes it as `owner`; the publish must answer 201. */
  async publish(owner: string, segment: string, definition: Record<string, unknown>): Promise<void> {
    const path = `/api/${segment}/${String(definition.id)}`;
    await this.as(owner)
      .agent.put(`${path}/draft`)
      .set("X-CSRF-Token", this.as(owner).csrf)
      .send(definition)
      .expect(200);
    const published = await this.post(owner, `${path}/publish`);
    expect(published.status, JSON.stringify(published.body)).toBe(201);
  }

  /** Categories have no designer API: the starter pack brings them, here the store does. */
  static async publishHardwareCategory(store: ServerStore): Promise<void> {
    const file = resolve(import.meta.dirname, "../../../forms/hardware-and-software.catalog-category.json");
    const category = JSON.parse(readFileSync(file, "utf8")) as { id: string };
    await store.transaction((tx) =>
      tx.definitions.publish({
        definitionId: category.id,
        kind: "catalogCategory",
        content: category,
        publishedAt: new Date().toISOString(),
      }),
    );
  }

  /**
   * A desk ready for hardware requests: `users` signed in, the category published, and the
   * hardware form, fulfilment workflow (or `workflow` in its place) and item published by `owner`.
   */
  static async open(
    t: TestApp,
    users: readonly DeskUser[],
    { owner = "olivia", workflow }: { owner?: string; workflow?: Record<string, unknown> } = {},
  ): Promise<HardwareDesk> {
    const desk = new HardwareDesk(t);
    await desk.signInAll(users);
    await HardwareDesk.publishHardwareCategory(t.store);
    await desk.publish(owner, "forms", hardwareFixture("hardware-request.form.json"));
    await desk.publish(owner, "workflows", workflow ?? hardwareFixture("hardware-fulfilment.workflow.json"));
    await desk.publish(owner, "catalog-items", hardwareFixture("handed-out-hardware.catalog-item.json"));
    return desk;
  }

  /** Submits a hardware request as `requester`; returns the request (= instance) id. */
  async submit(requester: string): Promise<string> {
    const response = await this.post(requester, "/api/requests", {
      catalogItemId: "handed-out-hardware",
      data: HARDWARE_DATA,
    });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body.id as string;
  }
}
