import {
  ExportedPack,
  PackBody,
  PackExportQuery,
  PackImported,
  PackImportPreviewView,
  SCHEMA_VERSION,
} from "@flowdesk/core";
import { exportPack, importPack } from "@flowdesk/store";
import type { ApiContext } from "../api/api-context.ts";
import { defineOperation, type Operation, type OperationCall } from "../api/operation.ts";
import { HTTP_CODES, HttpProblem } from "../http/problem.ts";
import { DEFINITION_BODY_LIMIT } from "./definition-route-schemas.ts";

const refuse = (problems: unknown[]): HttpProblem =>
  new HttpProblem(
    422,
    HTTP_CODES.invalidDefinition,
    "The pack cannot be imported; nothing was changed. Every reason is in problems.",
    { problems: problems as never },
  );

const runImport = async (
  context: ApiContext,
  call: Pick<OperationCall, "body" | "user">,
  dryRun: boolean,
) => {
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
  defineOperation({
    operationId: "previewPackImport",
    method: "post",
    path: "/api/packs/preview",
    summary: "Check an uploaded template pack and show what importing it would add, change or leave",
    tag: "packs",
    body: { schema: PackBody, description: "The template pack to check." },
    bodyLimit: DEFINITION_BODY_LIMIT,
    responses: {
      "200": {
        description: "Per definition: added, changed (a new version) or unchanged.",
        schema: PackImportPreviewView,
      },
      "422": { description: "The pack has problems; all of them are listed and nothing changes." },
    },
    async handle(call) {
      const result = await runImport(context, call, true);
      return { status: 200, body: result.preview };
    },
  }),
  defineOperation({
    operationId: "importPack",
    method: "post",
    path: "/api/packs/import",
    summary: "Import a template pack, all or nothing",
    tag: "packs",
    body: { schema: PackBody, description: "The template pack to import." },
    bodyLimit: DEFINITION_BODY_LIMIT,
    responses: {
      "200": {
        description: "What was imported: the preview and the versions published.",
        schema: PackImported,
      },
      "422": { description: "The pack has problems; all of them are listed and nothing changed." },
    },
    async handle(call) {
      const result = await runImport(context, call, false);
      return { status: 200, body: { preview: result.preview, published: result.published } };
    },
  }),
  defineOperation({
    operationId: "exportPack",
    method: "get",
    path: "/api/packs/export",
    summary: "The installation's newest published definitions as one template pack",
    tag: "packs",
    query: PackExportQuery,
    responses: {
      "200": { description: `A template pack (schemaVersion ${SCHEMA_VERSION}).`, schema: ExportedPack },
    },
    async handle(call) {
      const id = call.query.id ?? "flowdesk-export";
      const version = call.query.version ?? "1.0.0";
      const pack = await exportPack(context.store, { id, version, title: id });
      return {
        status: 200,
        body: pack,
        headers: { "Content-Disposition": `attachment; filename="${id}-${version}.pack.json"` },
      };
    },
  }),
];
