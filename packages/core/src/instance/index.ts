// Instance state, engine events, effects and history entries: the data the engine core exchanges.
export * from "./effect.ts";
export * from "./engine-errors.ts";
export * from "./engine-event.ts";
export * from "./history-entry.ts";
export * from "./instance-state.ts";
export * from "./live-event.ts";
export * from "./node-behaviour.ts";
export * from "./upgrade-instance-state.ts";
