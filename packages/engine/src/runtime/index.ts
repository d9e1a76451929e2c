export * from "./store-port.ts";
