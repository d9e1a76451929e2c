import { createHash } from "node:crypto";
import type { ServerStore } from "@flowdesk/store";
import type { ClientRateLimitInfo, Options, Store } from "express-rate-limit";

/**
 * express-rate-limit counters in the database, so the sign-in limit holds across every
 * server process (PostgreSQL scale-out) and survives a restart. Keys are hashed.
 */
export class DatabaseRateLimitStore implements Store {
  private windowMs = 60_000;
  readonly localKeys = false;

  constructor(
    private readonly store: ServerStore,
    readonly prefix: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  init(options: Options): void {
    this.windowMs = options.windowMs;
  }

  private keyOf(key: string): string {
    return createHash("sha256").update(`${this.prefix}:${key}`).digest("hex");
  }

  async get(key: string): Promise<ClientRateLimitInfo | undefined> {
    const found = await this.store.transaction((tx) =>
      tx.rateLimits.get(this.keyOf(key), this.now().toISOString()),
    );
    return found === undefined ? undefined : { totalHits: found.hits, resetTime: new Date(found.resetAt) };
  }

  async increment(key: string): Promise<ClientRateLimitInfo> {
    const now = this.now();
    const resetAt = new Date(now.getTime() + this.windowMs).toISOString();
    const counted = await this.store.transaction((tx) =>
      tx.rateLimits.increment(this.keyOf(key), now.toISOString(), resetAt),
    );
    return { totalHits: counted.hits, resetTime: new Date(counted.resetAt) };
  }

  async decrement(key: string): Promise<void> {
    await this.store.transaction((tx) => tx.rateLimits.decrement(this.keyOf(key)));
  }

  async resetKey(key: string): Promise<void> {
    await this.store.transaction((tx) => tx.rateLimits.reset(this.keyOf(key)));
  }
}
