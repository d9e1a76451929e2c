import { type Ajv, createAjv } from "@flowdesk/core";
import type { ValidateFunction } from "ajv";
import type { Express } from "express";
import request from "supertest";
import type { Client } from "../../server/support/test-app.ts";

/*
 * Calls operations by operationId, as the OpenAPI document describes them, and checks
 * every real answer against the schema the document declares for its status. An answer
 * with an undeclared status, a body where none is declared, or a body its schema refuses
 * (strict: an unknown property fails) fails the test that made the call.
 */

export interface OpenApiResponse {
  description: string;
  content?: Record<string, { schema: Record<string, unknown> }>;
}

export interface OpenApiOperation {
  operationId: string;
  responses: Record<string, OpenApiResponse>;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { schemas: Record<string, Record<string, unknown>> };
}

export interface CallInput {
  params?: Record<string, string | number>;
  query?: Record<string, string | number>;
  body?: unknown;
  headers?: Record<string, string>;
}

interface Located {
  method: string;
  path: string;
  operation: OpenApiOperation;
}

export const loadDocument = async (app: Express): Promise<OpenApiDocument> =>
  (await request(app).get("/api/openapi.json").expect(200)).body as OpenApiDocument;

export const operationsOf = (document: OpenApiDocument): Located[] =>
  Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, operation]) => ({ method, path, operation })),
  );

export class ContractClient {
  private readonly ajv: Ajv = createAjv();
  private readonly validators = new Map<string, ValidateFunction>();
  private readonly byId = new Map<string, Located>();
  /** operationId -> statuses it answered (each answer checked against its schema). */
  readonly answered = new Map<string, Set<number>>();

  constructor(
    private readonly app: Express,
    private readonly document: OpenApiDocument,
  ) {
    for (const located of operationsOf(document)) this.byId.set(located.operation.operationId, located);
  }

  get operationIds(): string[] {
    return [...this.byId.keys()].sort();
  }

  /** Sends the operation as `client` (or as nobody), checks the answer and returns it. */
  async call(client: Client | undefined, operationId: string, input: CallInput = {}) {
    const located = this.byId.get(operationId);
    if (located === undefined) throw new Error(`the document has no operation ${operationId}`);
    const url = located.path.replace(/\{([^}]+)\}/g, (_whole, name: string) => {
      const value = input.params?.[name];
      if (value === undefined) throw new Error(`${operationId} needs the path parameter ${name}`);
      return encodeURIComponent(String(value));
    });
    const agent = client?.agent ?? request(this.app);
    const method = located.method as "get" | "post" | "put" | "patch" | "delete";
    let pending = agent[method](url);
    if (client !== undefined && method !== "get") pending = pending.set("X-CSRF-Token", client.csrf);
    for (const [name, value] of Object.entries(input.headers ?? {})) pending = pending.set(name, value);
    if (input.query !== undefined) pending = pending.query(input.query);
    const response = await (input.body === undefined ? pending : pending.send(input.body as object));
    this.check(located, response.status, response.headers["content-type"], response.text, response.body);
    const statuses = this.answered.get(operationId) ?? new Set<number>();
    statuses.add(response.status);
    this.answered.set(operationId, statuses);
    return response;
  }

  /** Operations that answered at least once with a status in [from, to). */
  answeredIn(from: number, to: number): string[] {
    return [...this.answered.entries()]
      .filter(([, statuses]) => [...statuses].some((status) => status >= from && status < to))
      .map(([operationId]) => operationId)
      .sort();
  }

  private check(
    located: Located,
    status: number,
    contentType: string | undefined,
    text: string,
    body: unknown,
  ): void {
    const { operationId, responses } = located.operation;
    const declared = responses[String(status)];
    const where = `${operationId} answered ${status} ${text.slice(0, 300)}`;
    if (declared === undefined) throw new Error(`${where}: a status it does not declare`);
    if (declared.content === undefined) {
      if (text !== "") throw new Error(`${where}: a body where none is declared`);
      return;
    }
    const [mediaType, media] = Object.entries(declared.content)[0] ?? [];
    if (mediaType === undefined || media === undefined) throw new Error(`${where}: empty content`);
    if (!contentType?.startsWith(mediaType)) {
      throw new Error(`${where}: content type ${contentType}, declared ${mediaType}`);
    }
    const validate = this.validatorOf(`${operationId} ${status}`, media.schema);
    if (!validate(body)) {
      throw new Error(`${where}: does not match its schema: ${this.ajv.errorsText(validate.errors)}`);
    }
  }

  private validatorOf(key: string, schema: Record<string, unknown>): ValidateFunction {
    let validate = this.validators.get(key);
    if (validate === undefined) {
      validate = this.ajv.compile(this.resolveLocal(schema));
      this.validators.set(key, validate);
    }
    return validate;
  }

  /** Document-local references (#/components/schemas/...) point into this document. */
  private resolveLocal(schema: Record<string, unknown>): Record<string, unknown> {
    const ref = schema.$ref;
    if (typeof ref === "string" && ref.startsWith("#/components/schemas/")) {
      const target = this.document.components.schemas[ref.slice("#/components/schemas/".length)];
      if (target === undefined) throw new Error(`unresolved ${ref}`);
      return target;
    }
    return schema;
  }
}
