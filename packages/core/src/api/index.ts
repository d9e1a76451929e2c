/*
 * The API contract: every REST body and live event payload as a JSON Schema (TypeBox),
 * with its TypeScript type derived from it. The server validates and documents from
 * these; the web app imports the same types.
 */

export type { Static, TSchema } from "@sinclair/typebox";
export * from "./audit.api.ts";
export * from "./catalog.api.ts";
export * from "./common.api.ts";
export * from "./definition.api.ts";
export * from "./group.api.ts";
export * from "./instance.api.ts";
export * from "./live-event.api.ts";
export * from "./pack.api.ts";
export * from "./problem.api.ts";
export * from "./request.api.ts";
export * from "./session.api.ts";
export * from "./sla-standing.ts";
export * from "./system.api.ts";
export * from "./task.api.ts";
export * from "./task-access.ts";
export * from "./user.api.ts";
