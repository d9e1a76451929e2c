// The engine core: a pure step function over serialisable instance state.
export * from "./core/index.ts";
export * from "./runtime/index.ts";
