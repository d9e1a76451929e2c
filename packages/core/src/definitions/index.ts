export * from "./catalog.ts";
export * from "./common.ts";
export * from "./directory.ts";
export * from "./form.ts";
export * from "./pack.ts";
export * from "./sla-policy.ts";
export * from "./workflow.ts";
