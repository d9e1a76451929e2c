import {
  DefinitionDiff,
  DefinitionSummaryList,
  DiffQuery,
  DraftSaved,
  DraftView,
  type Problem,
  ProblemList,
  PublishedVersionView,
  SlugParams,
  VersionParams,
  VersionSummaryList,
  VersionView,
} from "@flowdesk/core";
import type { ServerTransaction } from "@flowdesk/store";
import { type ApiContext, recordAudit } from "../api/api-context.ts";
import { defineOperation, type Operation } from "../api/operation.ts";
import { checkDefinition, hasErrorProblems } from "../definitions/definition-checks.ts";
import { diffDefinitions } from "../definitions/definition-diff.ts";
import { badRequest, conflict, HTTP_CODES, HttpProblem, notFound } from "../http/problem.ts";
import {
  DEFINITION_BODY_LIMIT,
  type DefinitionKindRoute,
  definitionBody,
} from "./definition-route-schemas.ts";

export { DEFINITION_KIND_ROUTES, type DefinitionKindRoute } from "./definition-route-schemas.ts";

const requireMatchingId = (id: string, body: { id?: unknown }): void => {
  if (body.id !== id) {
    throw badRequest("The definition's id must match the id in the path.", [
      {
        code: HTTP_CODES.invalidRequest,
        severity: "error",
        pointer: "/id",
        message: `must be "${id}", the id in the path`,
      },
    ]);
  }
};

export const definitionOperations = (context: ApiContext, route: DefinitionKindRoute): Operation[] => {
  const base = `/api/${route.segment}`;
  const { name, noun } = route;

  /** 404 when the id is unknown or is a definition of another kind. */
  const requireKnown = async (tx: ServerTransaction, id: string): Promise<void> => {
    const kind = await tx.definitionSummaries.kindOf(id);
    if (kind !== route.kind) throw notFound(`There is no ${noun} ${id}.`);
  };

  return [
    defineOperation({
      operationId: `list${name}`,
      method: "get",
      path: base,
      summary: `List ${route.segment} with their newest version and whether a draft exists`,
      tag: route.segment,
      responses: {
        "200": {
          description: "All of this kind.",
          schema: DefinitionSummaryList,
        },
      },
      async handle() {
        const items = await context.store.transaction((tx) => tx.definitionSummaries.listByKind(route.kind));
        return { status: 200, body: { items } };
      },
    }),
    defineOperation({
      operationId: `get${name}Draft`,
      method: "get",
      path: `${base}/:id/draft`,
      summary: `Read the draft of a ${noun}`,
      tag: route.segment,
      params: SlugParams,
      responses: {
        "200": {
          description: "The draft; its ETag is the updatedAt to send back in If-Match.",
          schema: DraftView,
        },
        "404": { description: "No draft." },
      },
      async handle(call) {
        const id = call.params.id;
        const draft = await context.store.transaction((tx) => tx.definitions.getDraft(id));
        if (draft === undefined || draft.kind !== route.kind)
          throw notFound(`There is no draft of ${noun} ${id}.`);
        return {
          status: 200,
          body: { definition: draft.content, updatedAt: draft.updatedAt },
          headers: { ETag: `"${draft.updatedAt}"` },
        };
      },
    }),
    defineOperation({
      operationId: `save${name}Draft`,
      method: "put",
      path: `${base}/:id/draft`,
      summary: `Save the draft of a ${noun} (it may hold errors; they come back as problems)`,
      tag: route.segment,
      params: SlugParams,
      body: { schema: definitionBody(route) },
      bodyLimit: DEFINITION_BODY_LIMIT,
      responses: {
        "200": {
          description: "Saved.",
          schema: DraftSaved,
        },
        "409": { description: "If-Match named an older draft, or the id belongs to another kind." },
      },
      async handle(call) {
        const id = call.params.id;
        requireMatchingId(id, call.body);
        const ifMatch = call.req.get("if-match");
        const now = context.now();
        const result = await context.store.transaction(async (tx) => {
          const kind = await tx.definitionSummaries.kindOf(id);
          if (kind !== undefined && kind !== route.kind) throw conflict(`The id ${id} belongs to a ${kind}.`);
          const current = await tx.definitions.getDraft(id);
          if (ifMatch !== undefined && ifMatch !== "*" && ifMatch !== `"${current?.updatedAt ?? ""}"`) {
            throw conflict(
              `The draft of ${noun} ${id} was changed by someone else; reload it and apply your change again.`,
            );
          }
          // Strictly increasing, so an If-Match taken from the previous save never matches a newer one.
          let updatedAt = now.toISOString();
          if (current !== undefined && updatedAt <= current.updatedAt) {
            updatedAt = new Date(Date.parse(current.updatedAt) + 1).toISOString();
          }
          await tx.definitions.saveDraft({
            definitionId: id,
            kind: route.kind,
            content: call.body,
            updatedAt,
            updatedBy: call.user?.username ?? null,
          });
          await recordAudit(tx, call, now, {
            action: "definition.draft-saved",
            targetType: route.kind,
            targetId: id,
          });
          return { problems: await checkDefinition(tx, id, call.body), updatedAt };
        });
        return { status: 200, body: result, headers: { ETag: `"${result.updatedAt}"` } };
      },
    }),
    defineOperation({
      operationId: `validate${name}`,
      method: "post",
      path: `${base}/:id/validate`,
      summary: `Check a ${noun} as publishing would, without saving it`,
      tag: route.segment,
      params: SlugParams,
      body: { schema: definitionBody(route) },
      bodyLimit: DEFINITION_BODY_LIMIT,
      responses: {
        "200": { description: "The problems (empty when it could be published).", schema: ProblemList },
      },
      async handle(call) {
        const id = call.params.id;
        requireMatchingId(id, call.body);
        const problems = await context.store.transaction((tx) => checkDefinition(tx, id, call.body));
        return { status: 200, body: { problems } };
      },
    }),
    defineOperation({
      operationId: `publish${name}`,
      method: "post",
      path: `${base}/:id/publish`,
      summary: `Publish the draft of a ${noun} as a new immutable version`,
      tag: route.segment,
      params: SlugParams,
      responses: {
        "201": {
          description: "Published (or, when the content equals the newest version, that version).",
          schema: PublishedVersionView,
        },
        "404": { description: "No draft to publish." },
        "422": { description: "The draft has errors; they are in problems." },
      },
      async handle(call) {
        const id = call.params.id;
        const now = context.now();
        const published = await context.store.transaction(async (tx) => {
          const draft = await tx.definitions.getDraft(id);
          if (draft === undefined || draft.kind !== route.kind)
            throw notFound(`There is no draft of ${noun} ${id}.`);
          const problems: Problem[] = await checkDefinition(tx, id, draft.content);
          if (hasErrorProblems(problems)) {
            throw new HttpProblem(
              422,
              HTTP_CODES.invalidDefinition,
              `The ${noun} has errors; fix them before publishing.`,
              { problems },
            );
          }
          const previous = await tx.definitions.latestPublished(id);
          const version = await tx.definitions.publish({
            definitionId: id,
            kind: route.kind,
            content: draft.content,
            publishedAt: now.toISOString(),
            publishedBy: call.user?.username ?? null,
          });
          if (previous?.version !== version.version) {
            await recordAudit(tx, call, now, {
              action: "definition.published",
              targetType: route.kind,
              targetId: id,
              details: { version: version.version, contentHash: version.contentHash },
            });
          }
          return { ...version, isNew: previous?.version !== version.version };
        });
        if (published.isNew) {
          context.definitionPublished({ id, kind: route.kind, version: published.version });
        }
        return {
          status: 201,
          body: {
            id,
            version: published.version,
            contentHash: published.contentHash,
            publishedAt: published.publishedAt,
          },
          headers: { Location: `${base}/${id}/versions/${published.version}` },
        };
      },
    }),
    defineOperation({
      operationId: `list${name}Versions`,
      method: "get",
      path: `${base}/:id/versions`,
      summary: `List the published versions of a ${noun}`,
      tag: route.segment,
      params: SlugParams,
      responses: {
        "200": { description: "Oldest first.", schema: VersionSummaryList },
        "404": { description: "Unknown id." },
      },
      async handle(call) {
        const id = call.params.id;
        const versions = await context.store.transaction(async (tx) => {
          await requireKnown(tx, id);
          return tx.definitions.listVersions(id);
        });
        const items = versions.map((version) => ({
          version: version.version,
          contentHash: version.contentHash,
          publishedAt: version.publishedAt,
          publishedBy: version.publishedBy,
        }));
        return { status: 200, body: { items } };
      },
    }),
    defineOperation({
      operationId: `get${name}Version`,
      method: "get",
      path: `${base}/:id/versions/:version`,
      summary: `Read one published version of a ${noun}`,
      tag: route.segment,
      params: VersionParams,
      responses: {
        "200": {
          description: "The version; it never changes.",
          schema: VersionView,
        },
        "404": { description: "No such version." },
      },
      async handle(call) {
        const id = call.params.id;
        const version = call.params.version;
        const found = await context.store.transaction((tx) => tx.definitions.getVersion(id, version));
        if (found === undefined || found.kind !== route.kind)
          throw notFound(`${noun} ${id} has no version ${version}.`);
        return {
          status: 200,
          body: { definition: found.content, version: found.version, contentHash: found.contentHash },
          headers: {
            ETag: `"${found.contentHash}"`,
            "Cache-Control": "private, max-age=31536000, immutable",
          },
        };
      },
    }),
    defineOperation({
      operationId: `diff${name}Versions`,
      method: "get",
      path: `${base}/:id/diff`,
      summary: `What changed between two published versions of a ${noun}`,
      tag: route.segment,
      params: SlugParams,
      query: DiffQuery,
      responses: {
        "200": {
          description:
            route.kind === "workflow"
              ? "Node and edge ids added, removed and changed."
              : route.kind === "form"
                ? "Field names added, removed and changed."
                : "Top-level properties added, removed and changed.",
          schema: DefinitionDiff,
        },
        "404": { description: "Either version does not exist." },
      },
      async handle(call) {
        const id = call.params.id;
        const { from, to } = call.query;
        const [before, after] = await context.store.transaction(async (tx) => [
          await tx.definitions.getVersion(id, from),
          await tx.definitions.getVersion(id, to),
        ]);
        if (before === undefined || before.kind !== route.kind)
          throw notFound(`${noun} ${id} has no version ${from}.`);
        if (after === undefined || after.kind !== route.kind)
          throw notFound(`${noun} ${id} has no version ${to}.`);
        return { status: 200, body: diffDefinitions(route.kind, before.content, after.content) };
      },
    }),
  ];
};
