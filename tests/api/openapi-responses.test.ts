import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestApp, type TestApp } from "../server/support/test-app.ts";
import { loadDocument, type OpenApiDocument, operationsOf } from "./support/contract-client.ts";

/** Statuses that carry no body by definition. */
const EMPTY = new Set(["204", "304"]);

describe("the OpenAPI document declares a schema for every answer", () => {
  let t: TestApp;
  let document: OpenApiDocument;

  beforeAll(async () => {
    t = await openTestApp({ name: "sqlite" });
    document = await loadDocument(t.app);
  });
  afterAll(async () => t.close());

  it("gives every status of every operation a body schema, except those that have no body", () => {
    // given every operation of the served document
    const operations = operationsOf(document);
    expect(operations.length).toBeGreaterThan(50);

    // when each status is looked at
    const missing = operations.flatMap(({ operation }) =>
      Object.entries(operation.responses)
        .filter(([status, response]) => !EMPTY.has(status) && response.content === undefined)
        .map(([status]) => `${operation.operationId} ${status}`),
    );
    const bodiesOnEmpty = operations.flatMap(({ operation }) =>
      Object.entries(operation.responses)
        .filter(([status, response]) => EMPTY.has(status) && response.content !== undefined)
        .map(([status]) => `${operation.operationId} ${status}`),
    );

    // then none lacks one, and no empty answer claims a body
    expect(missing).toEqual([]);
    expect(bodiesOnEmpty).toEqual([]);
  });

  it("declares at least one success for every operation and errors as problem documents", () => {
    for (const { operation } of operationsOf(document)) {
      const statuses = Object.keys(operation.responses);
      expect(
        statuses.some((status) => status.startsWith("2")),
        operation.operationId,
      ).toBe(true);
      for (const status of statuses.filter((candidate) => Number(candidate) >= 400)) {
        expect(
          Object.keys(operation.responses[status]?.content ?? {}),
          `${operation.operationId} ${status}`,
        ).toEqual(["application/problem+json"]);
      }
    }
  });

  it("describes bodies strictly: every object schema of a success answer forbids unknown properties", () => {
    // given the success schemas (definition contents and free-form data excepted: they are records)
    const loose: string[] = [];
    const visit = (schema: unknown, where: string): void => {
      if (typeof schema !== "object" || schema === null) return;
      const node = schema as Record<string, unknown>;
      if (node.type === "object" && node.properties !== undefined && node.additionalProperties !== false) {
        loose.push(where);
      }
      for (const [key, value] of Object.entries(node)) {
        if (!Array.isArray(value)) visit(value, `${where}/${key}`);
        else for (const [index, item] of value.entries()) visit(item, `${where}/${key}/${index}`);
      }
    };
    // when each is walked
    for (const { operation } of operationsOf(document)) {
      for (const [status, response] of Object.entries(operation.responses)) {
        if (!status.startsWith("2") || operation.operationId === "getOpenApiDocument") continue;
        visit(response.content?.["application/json"]?.schema, `${operation.operationId} ${status}`);
      }
    }
    // then none lets unknown properties through
    expect(loose).toEqual([]);
  });
});
