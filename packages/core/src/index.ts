export * from "./definitions/index.ts";
export * from "./errors.ts";
export * from "./node-descriptor.ts";
export * from "./problem.ts";
