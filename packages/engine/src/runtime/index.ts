export * from "./effects/index.ts";
export * from "./http-call.ts";
export * from "./job-runner.ts";
export * from "./runtime-errors.ts";
export { type CommandResult, RuntimeKernel, type StartInstanceInput } from "./runtime-kernel.ts";
export * from "./runtime-options.ts";
export * from "./store-port.ts";
export * from "./workflow-runtime.ts";
