import {
  CancelBody,
  type CatalogItem,
  type FormDefinition,
  RecordIdParams,
  RequestDetail,
  RequestListQuery,
  RequestPage,
  RequestView,
  SubmitRequestBody,
  validateFormData,
} from "@flowdesk/core";
import type { RequestSummary, ServerTransaction } from "@flowdesk/store";
import type { ApiContext } from "../api/api-context.ts";
import { defineOperation, type Operation } from "../api/operation.ts";
import { COMMAND_REFUSALS } from "../api/standard-responses.ts";
import { conflict, HTTP_CODES, HttpProblem, notFound } from "../http/problem.ts";
import { runCommand } from "../http/runtime-problem.ts";
import { oversees } from "../security/record-visibility.ts";
import type { SignedInUser } from "../security/request-auth.ts";
import { mayRequest } from "./catalog.routes.ts";
import { requestProgress } from "./request-progress.ts";

export const requestView = (request: RequestSummary): RequestView => ({
  id: request.instanceId,
  title: request.title,
  requester: request.requester,
  catalogItemId: request.catalogItemId,
  catalogItemVersion: request.catalogItemVersion,
  formId: request.formId,
  formVersion: request.formVersion,
  formHash: request.formHash,
  workflowId: request.workflowId,
  workflowVersion: request.workflowVersion,
  workflowHash: request.workflowHash,
  status: request.status,
  createdAt: request.createdAt,
  updatedAt: request.updatedAt,
});

const signedIn = (user: SignedInUser | null): SignedInUser => {
  if (user === null) throw new HttpProblem(401, HTTP_CODES.signInRequired, "Sign in first.");
  return user;
};

/** The catalog item, the exact form version its data is checked against, and that form's hash. */
const loadSubmission = async (
  tx: ServerTransaction,
  catalogItemId: string,
  formVersion: number | undefined,
  user: SignedInUser,
) => {
  const published = await tx.definitions.latestPublished(catalogItemId);
  if (published === undefined || published.kind !== "catalogItem") {
    throw notFound(`There is no catalog item "${catalogItemId}".`);
  }
  const item = published.content as CatalogItem;
  if (!mayRequest(item, user)) {
    throw new HttpProblem(403, HTTP_CODES.forbidden, `You may not request "${item.title}".`);
  }
  const form =
    formVersion === undefined
      ? await tx.definitions.latestPublished(item.form)
      : await tx.definitions.getVersion(item.form, formVersion);
  if (form === undefined) {
    throw new HttpProblem(
      422,
      HTTP_CODES.invalidRequestData,
      formVersion === undefined
        ? `The form "${item.form}" of this catalog item is not published.`
        : `Form "${item.form}" has no version ${formVersion}; reload the catalog item.`,
    );
  }
  return { item, itemVersion: published.version, form };
};

/** The data against the exact form version: every error, each pointing into `data`. */
const checkFormData = (form: FormDefinition, data: Record<string, unknown>): void => {
  const problems = validateFormData(form, data).filter((problem) => problem.severity === "error");
  if (problems.length > 0) {
    throw new HttpProblem(422, HTTP_CODES.invalidRequestData, "Some fields need attention.", {
      problems: problems.map((problem) => ({ ...problem, pointer: `/data${problem.pointer}` })),
    });
  }
};

export const requestOperations = (context: ApiContext): Operation[] => [
  defineOperation({
    operationId: "submitRequest",
    method: "post",
    path: "/api/requests",
    summary: "Submit a catalog item: the data is checked against the form version, then the workflow starts",
    tag: "requests",
    body: { schema: SubmitRequestBody },
    responses: {
      ...COMMAND_REFUSALS,
      "403": { description: "The catalog item is not offered to the caller." },
      "404": { description: "No such catalog item." },
      "201": {
        description: "The request, started on the newest published workflow version.",
        schema: RequestView,
      },
      "422": { description: "The data does not fit the form: one problem per field, pointing into `data`." },
    },
    async handle(call) {
      const user = signedIn(call.user);
      const body = call.body;
      const instanceId = context.runtime.newId("request");
      const { result, request } = await runCommand(() =>
        context.runtime.submit(async (tx) => {
          const { item, itemVersion, form } = await loadSubmission(
            tx,
            body.catalogItemId,
            body.formVersion,
            user,
          );
          checkFormData(form.content as FormDefinition, body.data);
          return {
            start: { instanceId, definitionId: item.workflow, requester: user.username, data: body.data },
            request: {
              requesterId: user.id,
              requester: user.username,
              catalogItemId: item.id,
              catalogItemVersion: itemVersion,
              formId: form.definitionId,
              formVersion: form.version,
              formHash: form.contentHash,
              title: item.title,
            },
          };
        }),
      );
      context.committed(result);
      return {
        status: 201,
        body: requestView(request),
        headers: { Location: `/api/requests/${instanceId}` },
      };
    },
  }),
  defineOperation({
    operationId: "listMyRequests",
    method: "get",
    path: "/api/requests",
    summary: "The caller's own requests, newest first",
    tag: "requests",
    query: RequestListQuery,
    responses: { "200": { description: "A page of requests.", schema: RequestPage } },
    async handle(call) {
      const user = signedIn(call.user);
      const limit = call.query.limit ?? 50;
      const offset = call.query.offset ?? 0;
      const status = call.query.status;
      const rows = await context.store.transaction((tx) =>
        tx.requests.listByRequester({
          requesterId: user.id,
          limit,
          offset,
          ...(status === undefined ? {} : { status }),
        }),
      );
      return { status: 200, body: { items: rows.map(requestView), limit, offset } };
    },
  }),
  defineOperation({
    operationId: "getRequest",
    method: "get",
    path: "/api/requests/:id",
    summary: "One request with its timeline and its open tasks",
    tag: "requests",
    params: RecordIdParams,
    responses: {
      "200": {
        description: "The request.",
        schema: RequestDetail,
      },
    },
    async handle(call) {
      const user = signedIn(call.user);
      const id = call.params.id;
      const body = await context.store.transaction(async (tx) => {
        const request = await tx.requests.get(id);
        // Someone else's request is answered like a missing one: its existence is not the caller's business.
        if (request === undefined || (request.requesterId !== user.id && !oversees(user))) return undefined;
        const timeline = await tx.history.listByInstance(id);
        const tasks = await tx.tasks.listByInstance(id);
        const openTasks = tasks.filter((task) => task.state === "open" || task.state === "claimed");
        const assignees = openTasks.flatMap((task) =>
          task.assigneeUser === null ? [] : [task.assigneeUser],
        );
        return {
          ...requestView(request),
          timeline,
          openTasks,
          ...(await requestProgress(tx, request, user, timeline, assignees)),
        };
      });
      if (body === undefined) throw notFound(`There is no request ${id} of yours.`);
      return { status: 200, body };
    },
  }),
  defineOperation({
    operationId: "cancelRequest",
    method: "post",
    path: "/api/requests/:id/cancel",
    summary: "The requester withdraws their own request while it is still running",
    tag: "requests",
    params: RecordIdParams,
    body: { schema: CancelBody, required: false },
    responses: {
      ...COMMAND_REFUSALS,
      "200": { description: "The request, now cancelled.", schema: RequestView },
      "404": { description: "No such request of the caller's." },
      "409": { description: "The request has already finished." },
    },
    async handle(call) {
      const user = signedIn(call.user);
      const id = call.params.id;
      const reason = call.body?.reason;
      const request = await context.store.transaction((tx) => tx.requests.get(id));
      // Only the requester withdraws a request; staff cancel instances through /api/instances.
      if (request === undefined || request.requesterId !== user.id) {
        throw notFound(`There is no request ${id} of yours.`);
      }
      if (request.status !== "running") {
        throw conflict(`This request is already ${request.status}; it can no longer be cancelled.`);
      }
      const result = await runCommand(() =>
        context.runtime.cancelInstance({
          instanceId: id,
          by: user.username,
          reason: reason ?? "Withdrawn by the requester.",
        }),
      );
      context.committed(result);
      const cancelled = await context.store.transaction((tx) => tx.requests.get(id));
      if (cancelled === undefined) throw new Error(`request ${id} vanished after commit`);
      return { status: 200, body: requestView(cancelled) };
    },
  }),
];
