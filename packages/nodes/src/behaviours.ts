// The registry of node behaviours (pure functions the engine core calls).
export {};
