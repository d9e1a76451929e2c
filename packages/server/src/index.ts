export type { ApiContext, Logger } from "./api/api-context.ts";
export { buildOpenApiDocument } from "./api/openapi-document.ts";
export type { Operation, OperationCall, OperationResult } from "./api/operation.ts";
export { type AppOptions, consoleLogger, createApp, type FlowdeskApp } from "./app.ts";
export { configFromEnvironment, type ServerConfig } from "./config.ts";
export { HTTP_CODES, HttpProblem } from "./http/problem.ts";
export { AUTHORIZATION_POLICY, type PolicyRule, ROLES, type Role } from "./security/authorization-policy.ts";
export {
  CURRENT_PARAMETERS,
  hashPassword,
  needsRehash,
  parsePasswordHash,
  verifyPassword,
} from "./security/password-hash.ts";
export { type RequestAuth, requestAuth, type SignedInUser } from "./security/request-auth.ts";
export { authenticateSessionId, SESSION_COOKIE } from "./security/session-cookie.ts";
export { ensureAdminAccount } from "./seeding/admin-account.ts";
export { importStarterPack, readStarterPack, type StarterPackResult } from "./seeding/starter-pack.ts";
export { type RunningServer, startServer } from "./server.ts";
