import Ajv2020 from "ajv/dist/2020.js";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestApp, type TestApp } from "./support/test-app.ts";

describe("the OpenAPI document", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp({ name: "sqlite" });
  });
  afterAll(async () => t.close());

  it("holds component schemas that outside tools can compile on their own", async () => {
    // given a validator that knows nothing of Flowdesk's schema files
    const document = await request(t.app).get("/api/openapi.json").expect(200);
    const schemas = document.body.components.schemas as Record<string, object>;

    // when each component schema is compiled in isolation
    const failures: string[] = [];
    for (const [name, schema] of Object.entries(schemas)) {
      const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
      try {
        ajv.compile(schema);
      } catch (error) {
        failures.push(`${name}: ${(error as Error).message}`);
      }
    }

    // then every $ref resolves inside the document
    expect(failures).toEqual([]);
    expect(Object.keys(schemas).length).toBeGreaterThan(5);
  });
});
