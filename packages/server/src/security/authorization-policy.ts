/**
 * THE authorization policy: every API operation, by operationId, and who may call it.
 * Deny by default: an operation missing here is refused for everyone (authorize.ts),
 * and the authorization-matrix test fails until it has an entry and an expectation.
 *
 * - "public": anyone, signed in or not (health, the OpenAPI document, sign-in).
 * - "signedIn": any signed-in user; the handler narrows what they see (catalog visibility).
 * - roles: signed-in users holding at least one of them.
 * - selfParam: also the signed-in user whose id is that path parameter.
 */
export type Role = "admin" | "process-owner" | "agent" | "requester";

export const ROLES: readonly Role[] = ["admin", "process-owner", "agent", "requester"];

export interface PolicyRule {
  allow: "public" | "signedIn" | readonly Role[];
  selfParam?: string;
}

const ADMIN: readonly Role[] = ["admin"];
const DESIGNERS: readonly Role[] = ["admin", "process-owner"];
const STAFF: readonly Role[] = ["admin", "process-owner", "agent"];

/** Operations of one definition kind's designer API (workflows, forms, catalog items, SLA policies). */
const definitionPolicy = (
  plural: string,
  readersOfVersions: readonly Role[] | "signedIn",
): Record<string, PolicyRule> => ({
  [`list${plural}`]: { allow: DESIGNERS },
  [`get${plural}Draft`]: { allow: DESIGNERS },
  [`save${plural}Draft`]: { allow: DESIGNERS },
  [`validate${plural}`]: { allow: DESIGNERS },
  [`publish${plural}`]: { allow: DESIGNERS },
  [`list${plural}Versions`]: { allow: DESIGNERS },
  [`get${plural}Version`]: { allow: readersOfVersions },
  [`diff${plural}Versions`]: { allow: DESIGNERS },
});

export const AUTHORIZATION_POLICY: Readonly<Record<string, PolicyRule>> = {
  getHealth: { allow: "public" },
  getOpenApiDocument: { allow: "public" },
  getSession: { allow: "public" },
  createSession: { allow: "public" },
  deleteSession: { allow: "public" },
  changeOwnPassword: { allow: "signedIn" },

  listUsers: { allow: ADMIN },
  createUser: { allow: ADMIN },
  getUser: { allow: ADMIN, selfParam: "id" },
  updateUser: { allow: ADMIN },
  listGroups: { allow: STAFF },
  createGroup: { allow: ADMIN },
  updateGroup: { allow: ADMIN },
  listRoles: { allow: DESIGNERS },
  listAuditLog: { allow: ADMIN },

  // Agents open the workflow a task belongs to; requesters render the form they fill.
  ...definitionPolicy("Workflows", STAFF),
  ...definitionPolicy("Forms", "signedIn"),
  ...definitionPolicy("CatalogItemDefinitions", "signedIn"),
  ...definitionPolicy("SlaPolicies", STAFF),

  listCatalogCategories: { allow: "signedIn" },
  listCatalogItems: { allow: "signedIn" },

  searchDirectoryUsers: { allow: "signedIn" },
  searchDirectoryGroups: { allow: "signedIn" },
  searchConfigurationItems: { allow: "signedIn" },
  searchDirectoryServices: { allow: "signedIn" },

  // Requests: anyone signed in; each sees only their own (record-visibility.ts).
  submitRequest: { allow: "signedIn" },
  listMyRequests: { allow: "signedIn" },
  getRequest: { allow: "signedIn" },
  cancelRequest: { allow: "signedIn" },
  listInstances: { allow: STAFF },
  getInstance: { allow: STAFF },
  cancelInstance: { allow: STAFF },
  // The live view of a whole workflow: for the people who own processes.
  getWorkflowsPositions: { allow: DESIGNERS },
  // Approvers need not be agents (a manager approving a laptop): the handler checks the assignment.
  listTasks: { allow: "signedIn" },
  getTask: { allow: "signedIn" },
  getTaskContext: { allow: "signedIn" },
  claimTask: { allow: "signedIn" },
  unclaimTask: { allow: "signedIn" },
  completeTask: { allow: "signedIn" },
  approveTask: { allow: "signedIn" },
  rejectTask: { allow: "signedIn" },
  reassignTask: { allow: STAFF },
  delegateTask: { allow: "signedIn" },
  listIncidents: { allow: ADMIN },
  retryIncident: { allow: ADMIN },
  previewPackImport: { allow: ADMIN },
  importPack: { allow: ADMIN },
  exportPack: { allow: ADMIN },
  // Filtered to the instances the caller may see.
  listEventsAfter: { allow: "signedIn" },
};
