import type { Effect, InstanceState } from "@flowdesk/core";
import type { IsoTimestamp, StoreTransaction } from "../store-port.ts";
import type { EffectRows } from "./effect-rows.ts";

/**
 * What one effect handler may use: the command's transaction, and the step's own output
 * (the new instance state: tokens, calls, incidents). A handler reads the store only
 * for what the pure core cannot know (e.g. which form version is published).
 */
export interface EffectTarget {
  tx: StoreTransaction;
  instanceId: string;
  state: InstanceState;
  now: IsoTimestamp;
  newId: (prefix: string) => string;
  /** Task, job and outbox rows batched for this step. */
  rows: EffectRows;
}

export type EffectOfType<K extends Effect["type"]> = Extract<Effect, { type: K }>;

/** Writes the rows one effect stands for, inside the command's transaction. */
export type EffectHandler<E extends Effect> = (effect: E, target: EffectTarget) => Promise<void>;

/**
 * One handler per effect type. The mapped type makes an effect type without a handler
 * (or a handler for a type that does not exist) a compile error.
 */
export type EffectHandlers = { readonly [K in Effect["type"]]: EffectHandler<EffectOfType<K>> };
