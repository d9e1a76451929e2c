import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { bundledFileName, bundleSchema, DEFINITION_KINDS, KIND_SCHEMAS } from "@flowdesk/core";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";

const schemasDir = join(import.meta.dirname, "../../../packages/core/schemas");
const validDir = join(import.meta.dirname, "../fixtures/valid");

const readJson = (path: string): unknown => JSON.parse(readFileSync(path, "utf8"));

describe("bundled schemas", () => {
  it.each(DEFINITION_KINDS)(
    "bundled/%s is up to date (run npx tsx packages/core/src/schema/bundle-schemas.ts)",
    (kind) => {
      // given the bundle computed from the schema sources
      const expected = bundleSchema(kind);
      // when reading the committed file
      const committed = readJson(join(schemasDir, "bundled", bundledFileName(kind)));
      // then they are the same
      expect(committed).toEqual(expected);
    },
  );

  it.each(DEFINITION_KINDS)("bundled/%s compiles alone, with no other schema registered", (kind) => {
    // given an ajv that knows nothing of Flowdesk, as an outside tool would be
    const ajv = new Ajv2020({ strict: false, validateFormats: false });
    // when compiling the bundled file
    const compile = () => ajv.compile(readJson(join(schemasDir, "bundled", bundledFileName(kind))) as object);
    // then every $ref resolves inside it
    expect(compile).not.toThrow();
  });

  it("accepts the valid fixtures of each kind and rejects a wrong kind", () => {
    // given the valid fixtures, and each bundle in its own ajv (bundles share embedded $ids)
    const validators = Object.fromEntries(
      DEFINITION_KINDS.map((kind) => [
        kind,
        new Ajv2020({ strict: false, validateFormats: false }).compile(
          readJson(join(schemasDir, "bundled", bundledFileName(kind))) as object,
        ),
      ]),
    );
    const fixtures = readdirSync(validDir).filter((name) => name.endsWith(".json"));
    const kinds = fixtures.map((name) => (readJson(join(validDir, name)) as { kind: string }).kind);
    expect(new Set(kinds)).toEqual(new Set(DEFINITION_KINDS));
    for (const name of fixtures) {
      const document = readJson(join(validDir, name)) as { kind: string };
      // when validated against the bundle of its kind, and of another kind
      const own = validators[document.kind]!;
      const other = validators[document.kind === "form" ? "workflow" : "form"]!;
      // then only its own accepts it
      expect(own(document), `${name}: ${JSON.stringify(own.errors)}`).toBe(true);
      expect(other(document)).toBe(false);
    }
  });
});

describe("schema sources", () => {
  it("every kind schema requires schemaVersion and kind and allows $schema", () => {
    for (const { schema } of Object.values(KIND_SCHEMAS)) {
      // given a kind schema
      const required = schema.required as string[];
      const properties = schema.properties as Record<string, unknown>;
      // then
      expect(required).toEqual(expect.arrayContaining(["schemaVersion", "kind"]));
      expect(properties).toHaveProperty("$schema");
      expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    }
  });
});
