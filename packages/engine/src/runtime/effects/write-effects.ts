import type { Effect, InstanceState } from "@flowdesk/core";
import type { IsoTimestamp, NewOutboxRecord, StoreTransaction } from "../store-port.ts";
import type { EffectHandler, EffectHandlers, EffectTarget } from "./effect-handler.ts";
import { EFFECT_HANDLERS } from "./effect-handlers.ts";
import { EffectRows } from "./effect-rows.ts";

/**
 * Writes the effects of one step as rows, inside the command's transaction: tasks, jobs
 * (timers, HTTP calls, notifications, subprocess hand-offs), incidents and outbox rows,
 * each by its effect type's handler. Nothing here talks to the outside world; the job
 * runner does that after commit. Returns the outbox rows the effects asked for.
 */
export async function writeEffects(
  input: {
    tx: StoreTransaction;
    instanceId: string;
    state: InstanceState;
    now: IsoTimestamp;
    newId: (prefix: string) => string;
  },
  effects: readonly Effect[],
  handlers: EffectHandlers = EFFECT_HANDLERS,
): Promise<NewOutboxRecord[]> {
  const target: EffectTarget = { ...input, rows: new EffectRows(input.tx) };
  for (const effect of effects) {
    // The map is keyed by type, so the handler found fits the effect; TypeScript cannot follow that through the lookup.
    const handler = handlers[effect.type] as EffectHandler<Effect>;
    await handler(effect, target);
  }
  await target.rows.flush();
  return target.rows.outbox;
}
