import { type JsonSchema, KIND_SCHEMAS, SCHEMA_VERSION } from "@flowdesk/core";
import { exportPack, importPack } from "@flowdesk/store";
import type { ApiContext } from "../api/api-context.ts";
import type { Operation, OperationCall } from "../api/operation.ts";
import { HTTP_CODES, HttpProblem } from "../http/problem.ts";
import { DEFINITION_BODY_LIMIT } from "./definition-route-schemas.ts";

const PACK_FIELDS = Object.keys((KIND_SCHEMAS.pack.schema.properties ?? {}) as Record<string, unknown>);

/**
 * An uploaded pack: its top-level shape is checked here (a typo is refused at once);
 * everything inside — schema version, every definition, every reference — is checked
 * whole by checkPack and comes back as a list of problems, as the CLI shows them.
 */
const PACK_BODY: JsonSchema = {
  type: "object",
  description:
    "A template pack (components/schemas/PackDefinition): a manifest and the definitions it brings.",
  required: ["schemaVersion", "kind", "manifest", "contents"],
  properties: {
    schemaVersion: { type: "integer", minimum: 1 },
    kind: { const: "pack" },
    id: { type: "string", maxLength: 100 },
    manifest: { type: "object" },
    contents: { type: "object" },
  },
  propertyNames: { enum: PACK_FIELDS },
};

const PREVIEW_SCHEMA: JsonSchema = {
  type: "object",
  properties: {
    pack: { type: "object" },
    entries: { type: "array", items: { type: "object" } },
    summary: { type: "object" },
  },
};

const refuse = (problems: unknown[]): HttpProblem =>
  new HttpProblem(
    422,
    HTTP_CODES.invalidDefinition,
    "The pack cannot be imported; nothing was changed. Every reason is in problems.",
    { problems: problems as never },
  );

const runImport = async (context: ApiContext, call: OperationCall, dryRun: boolean) => {
  const result = await importPack(context.store, call.body, {
    dryRun,
    by: call.user?.username ?? "unknown",
    now: context.now(),
    file: "upload",
  });
  if (result.problems.length > 0) throw refuse(result.problems);
  return result;
};

export const packOperations = (context: ApiContext): Operation[] => [
  {
    operationId: "previewPackImport",
    method: "post",
    path: "/api/packs/preview",
    summary: "Check an uploaded template pack and show what importing it would add, change or leave",
    tag: "packs",
    body: { schema: PACK_BODY, description: "The template pack to check." },
    bodyLimit: DEFINITION_BODY_LIMIT,
    responses: {
      "200": {
        description: "Per definition: added, changed (a new version) or unchanged.",
        schema: PREVIEW_SCHEMA,
      },
      "422": { description: "The pack has problems; all of them are listed and nothing changes." },
    },
    async handle(call) {
      const result = await runImport(context, call, true);
      return { status: 200, body: result.preview };
    },
  },
  {
    operationId: "importPack",
    method: "post",
    path: "/api/packs/import",
    summary: "Import a template pack, all or nothing",
    tag: "packs",
    body: { schema: PACK_BODY, description: "The template pack to import." },
    bodyLimit: DEFINITION_BODY_LIMIT,
    responses: {
      "200": {
        description: "What was imported: the preview and the versions published.",
        schema: {
          type: "object",
          properties: { preview: PREVIEW_SCHEMA, published: { type: "array", items: { type: "object" } } },
        },
      },
      "422": { description: "The pack has problems; all of them are listed and nothing changed." },
    },
    async handle(call) {
      const result = await runImport(context, call, false);
      return { status: 200, body: { preview: result.preview, published: result.published } };
    },
  },
  {
    operationId: "exportPack",
    method: "get",
    path: "/api/packs/export",
    summary: "The installation's newest published definitions as one template pack",
    tag: "packs",
    query: {
      type: "object",
      properties: {
        id: { type: "string", pattern: "^[a-z][a-z0-9-]*$", maxLength: 100 },
        version: { type: "string", pattern: "^\\d+\\.\\d+\\.\\d+$", maxLength: 40 },
      },
      additionalProperties: false,
    },
    responses: { "200": { description: `A template pack (schemaVersion ${SCHEMA_VERSION}).` } },
    async handle(call) {
      const id = (call.query.id as string | undefined) ?? "flowdesk-export";
      const version = (call.query.version as string | undefined) ?? "1.0.0";
      const pack = await exportPack(context.store, { id, version, title: id });
      return {
        status: 200,
        body: pack,
        headers: { "Content-Disposition": `attachment; filename="${id}-${version}.pack.json"` },
      };
    },
  },
];
