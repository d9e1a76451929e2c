export {};
export * from "./runtime/index.ts";
