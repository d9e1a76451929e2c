import * as core from "@flowdesk/core";
import { createAjv } from "@flowdesk/core";
import { describe, expect, it } from "vitest";

/** TypeBox marks each schema with this symbol. */
const Kind = Symbol.for("TypeBox.Kind");

/** Every schema the contract exports (TypeBox marks each with its Kind symbol). */
const contractSchemas = Object.entries(core).filter(
  ([, value]) => typeof value === "object" && value !== null && Kind in value,
);

describe("the API contract schemas", () => {
  const ajv = createAjv();

  it("are many: one per body, query and payload", () => {
    expect(contractSchemas.length).toBeGreaterThan(60);
  });

  it.each(contractSchemas)("%s compiles under the one ajv factory's strict options", (_name, schema) => {
    // given the factory every validator of the project is made by
    // when the schema is compiled
    const compile = () => ajv.compile(schema as object);
    // then strict mode finds no unknown keyword or clash
    expect(compile).not.toThrow();
  });

  it("refuses a property a strict body does not declare", () => {
    // given a group as the server answers it, with one field too many
    const validate = ajv.compile(core.GroupView);
    const group = { id: "service-desk", title: "Service desk", description: null, members: [] };
    // then the known shape passes and the extra field fails
    expect(validate(group)).toBe(true);
    expect(validate({ ...group, owner: "olivia" })).toBe(false);
  });
});
