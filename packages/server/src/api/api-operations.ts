import { OpenApiDocumentView } from "@flowdesk/core";
import { auditOperations } from "../routes/audit.routes.ts";
import { catalogOperations } from "../routes/catalog.routes.ts";
import { DEFINITION_KIND_ROUTES, definitionOperations } from "../routes/definition.routes.ts";
import { directoryOperations } from "../routes/directory.routes.ts";
import { eventOperations } from "../routes/event.routes.ts";
import { groupOperations } from "../routes/group.routes.ts";
import { healthOperations } from "../routes/health.routes.ts";
import { incidentOperations } from "../routes/incident.routes.ts";
import { instanceOperations } from "../routes/instance.routes.ts";
import { packOperations } from "../routes/pack.routes.ts";
import { requestOperations } from "../routes/request.routes.ts";
import { sessionOperations } from "../routes/session.routes.ts";
import { taskOperations } from "../routes/task.routes.ts";
import { userOperations } from "../routes/user.routes.ts";
import { workflowPositionOperations } from "../routes/workflow-positions.routes.ts";
import type { PolicyRule } from "../security/authorization-policy.ts";
import type { ApiContext } from "./api-context.ts";
import { buildOpenApiDocument } from "./openapi-document.ts";
import { defineOperation, type Operation } from "./operation.ts";

/** Every resource's operations. A new resource adds its factory here. */
export const resourceOperations = (context: ApiContext): Operation[] => [
  ...healthOperations(context),
  ...sessionOperations(context),
  ...userOperations(context),
  ...groupOperations(context),
  ...auditOperations(context),
  ...DEFINITION_KIND_ROUTES.flatMap((route) => definitionOperations(context, route)),
  ...catalogOperations(context),
  ...directoryOperations(context),
  ...requestOperations(context),
  ...instanceOperations(context),
  ...workflowPositionOperations(context),
  ...taskOperations(context),
  ...incidentOperations(context),
  ...packOperations(context),
  ...eventOperations(context),
];

/** The document describes itself too, so the list is complete by construction. */
export const openApiOperation = (
  operations: () => readonly Operation[],
  policy: Readonly<Record<string, PolicyRule>>,
): Operation => {
  let document: Record<string, unknown> | undefined;
  return defineOperation({
    operationId: "getOpenApiDocument",
    method: "get",
    path: "/api/openapi.json",
    summary: "This API as an OpenAPI 3.1 document",
    tag: "system",
    responses: { "200": { description: "The OpenAPI document.", schema: OpenApiDocumentView } },
    async handle() {
      document ??= buildOpenApiDocument(operations(), policy);
      return { status: 200, body: document };
    },
  });
};
