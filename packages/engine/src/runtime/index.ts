export * from "./effect-rows.ts";
export * from "./runtime-errors.ts";
export * from "./runtime-options.ts";
export * from "./store-port.ts";
export * from "./workflow-runtime.ts";
