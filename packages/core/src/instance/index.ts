// Instance state, engine events, effects and history entries: the data the engine core exchanges.
export {};
