export * from "./behaviours.ts";
export * from "./descriptors.ts";
