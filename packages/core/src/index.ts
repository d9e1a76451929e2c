export * from "./definitions/index.ts";
export * from "./errors.ts";
export * from "./expression/index.ts";
export * from "./instance/index.ts";
export * from "./node-descriptor.ts";
export * from "./pack/index.ts";
export * from "./problem.ts";
export * from "./validation/index.ts";
