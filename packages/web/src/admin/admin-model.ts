/* The admin screens' pure logic, for tests and tools: no React, no network. */

/** The error serverFieldErrors reads, so tests can build a server refusal. */
export { ApiError } from "../api/api-error.ts";
export * from "./audit-details.ts";
export * from "./audit-query.ts";
export * from "./pack-file.ts";
export * from "./pack-preview.ts";
export * from "./user-query.ts";
export * from "./user-validation.ts";
