import type { CommandResult } from "@flowdesk/engine";
import type { ServerStore } from "@flowdesk/store";
import type { Logger } from "../api/api-context.ts";
import { instancesWithMovedAccess } from "./instance-room-revisit.ts";
import { type LiveEvent, liveEventsOf, rooms } from "./live-events.ts";

/** Where events go: the socket.io server (through the Redis adapter when scaled out). */
export interface LiveEmitter {
  emit(event: LiveEvent): void;
  /** Makes sockets that may no longer read these instances leave their rooms. */
  revisitInstanceRooms?(instanceIds: readonly string[]): Promise<void>;
}

/**
 * After a command commits, turns its outbox rows into live events, emits them, and marks
 * the rows delivered. Commands are published one after another in commit order, so a
 * client connected to this process sees events in sequence order.
 */
export class LivePublisher {
  private emitter: LiveEmitter | undefined;
  private queue: Promise<void> = Promise.resolve();
  private readonly userIds = new Map<string, string>();

  constructor(
    private readonly store: ServerStore,
    private readonly log: Logger,
    private readonly now: () => Date,
  ) {}

  attach(emitter: LiveEmitter | undefined): void {
    this.emitter = emitter;
  }

  /** Results waiting for the next batch; a burst of commits is pushed with one transaction. */
  private batch: Pick<CommandResult, "outbox" | "history">[] = [];

  committed(result: CommandResult): void {
    if (result.outbox.length === 0) return;
    this.batch.push(result);
    if (this.batch.length > 1) return; // a drain is already queued and will take this one too
    this.queue = this.queue.then(() => {
      const results = this.batch;
      this.batch = [];
      return this.publish(results).catch((error: unknown) =>
        this.log.error("live update could not be pushed", error),
      );
    });
  }

  /** Resolves when everything committed so far has been pushed. */
  settled(): Promise<void> {
    return this.queue;
  }

  /**
   * Pushes outbox rows still unpublished a while after their commit: the process that
   * committed them stopped before pushing. Clients may see such an event twice (once
   * through another process, once here); events carry `seq`, so they drop repeats.
   */
  sweep(olderThanMs: number): Promise<number> {
    const run = async (): Promise<number> => {
      const cutoff = new Date(this.now().getTime() - olderThanMs).toISOString();
      const stale = (await this.store.transaction((tx) => tx.outbox.listPending(200))).filter(
        (row) => row.createdAt <= cutoff,
      );
      for (const row of stale) {
        const change = row.payload as { fromSeq?: number | null; toSeq?: number | null };
        const history =
          row.topic === "instance.changed" && row.instanceId !== null && typeof change.fromSeq === "number"
            ? (
                await this.store.transaction((tx) =>
                  tx.history.listByInstance(row.instanceId as string, (change.fromSeq as number) - 1),
                )
              ).filter((entry) => entry.seq <= (change.toSeq ?? entry.seq))
            : [];
        await this.publish([{ outbox: [row], history }]);
      }
      return stale.length;
    };
    const swept = this.queue.then(run);
    this.queue = swept.then(
      () => undefined,
      (error: unknown) => this.log.error("outbox sweep failed", error),
    );
    return swept;
  }

  /**
   * A new definition version, to those following the definition. Definitions are not in
   * the instance history, so `seq` is the newest history sequence at that moment: where
   * the client stands.
   */
  definitionPublished(definition: { id: string; kind: string; version: number }): void {
    this.queue = this.queue.then(async () => {
      const emitter = this.emitter;
      if (emitter === undefined) return;
      try {
        const seq = await this.store.transaction((tx) => tx.historyPosition.latest());
        emitter.emit({
          name: "definition.published",
          rooms: [rooms.definition(definition.id)],
          payload: { seq, definitionId: definition.id, kind: definition.kind, version: definition.version },
        });
      } catch (error) {
        this.log.error("definition.published could not be pushed", error);
      }
    });
  }

  /** One transaction per batch: build the events and mark the rows published; emit after it commits. */
  private async publish(results: Pick<CommandResult, "outbox" | "history">[]): Promise<void> {
    const emitter = this.emitter;
    const at = this.now().toISOString();
    const events = await this.store.transaction(async (tx) => {
      const userRoom = async (username: string) => {
        let id = this.userIds.get(username);
        if (id === undefined) {
          id = (await tx.users.findByUsername(username))?.id;
          if (id !== undefined) this.userIds.set(username, id);
        }
        return id === undefined ? undefined : rooms.user(id);
      };
      const built: LiveEvent[] = [];
      for (const result of results) {
        if (emitter !== undefined) built.push(...(await liveEventsOf(tx, result, userRoom)));
      }
      await tx.outbox.markPublished(
        results.flatMap((result) => result.outbox.map((row) => row.id)),
        at,
      );
      return built;
    });
    // Those a task just left must be out of its instance's room before the next event goes there.
    const moved = instancesWithMovedAccess(results.flatMap((result) => result.history));
    if (moved.length > 0 && emitter?.revisitInstanceRooms !== undefined) {
      await emitter
        .revisitInstanceRooms(moved)
        .catch((error: unknown) => this.log.error("live rooms could not be checked again", error));
    }
    for (const event of events) emitter?.emit(event);
  }
}
