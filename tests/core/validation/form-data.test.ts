import { join } from "node:path";
import { createAjv, type FormDefinition, validateFormData } from "@flowdesk/core";
import { describe, expect, it } from "vitest";
import { fixturesDir, readJson } from "./fixture-files.ts";

const incidentForm = readJson(join(fixturesDir, "valid/incident-report.form.json")) as FormDefinition;

describe("validateFormData", () => {
  it("accepts complete data", () => {
    // given / when
    const problems = validateFormData(incidentForm, { summary: "Mail is down", priority: "P2" });
    // then
    expect(problems).toEqual([]);
  });

  it("reports each field with a pointer into the data and a sentence using the field title", () => {
    // given data missing the summary, with a wrong priority and a bad e-mail
    const data = { priority: "P1x", contactEmail: "not-an-address" };
    // when
    const problems = validateFormData(incidentForm, data);
    // then
    expect(problems).toEqual([
      {
        code: "FD1004",
        severity: "error",
        pointer: "/summary",
        message: "Summary is required.",
        params: { field: "Summary" },
      },
      {
        code: "FD1006",
        severity: "error",
        pointer: "/priority",
        message: '"P1x" is not a valid priority; use one of P1, P2, P3, P4.',
        params: { field: "Priority", value: '"P1x"', choices: "P1, P2, P3, P4" },
      },
      {
        code: "FD1007",
        severity: "error",
        pointer: "/contactEmail",
        message: '"not-an-address" is not an e-mail address.',
        params: { field: "Contact e-mail", value: '"not-an-address"', format: "email", variant: "format" },
      },
    ]);
  });

  it("speaks of lengths and types with the field title", () => {
    // given
    const problems = validateFormData(incidentForm, { summary: "no", priority: 3 });
    // then
    expect(problems.map((found) => [found.pointer, found.message])).toEqual([
      ["/summary", "Summary needs at least 5 characters."],
      ["/priority", "Priority must be text."],
      ["/priority", "3 is not a valid priority; use one of P1, P2, P3, P4."],
    ]);
  });

  it("reports nested fields by their own pointer and title", () => {
    // given a form with an address object
    const form: FormDefinition = {
      schemaVersion: 1,
      kind: "form",
      id: "new-starter",
      title: "New starter",
      schema: {
        type: "object",
        properties: {
          office: {
            type: "object",
            title: "Office",
            required: ["building"],
            properties: { building: { type: "string", title: "Building" } },
          },
        },
      },
    };
    // when
    const problems = validateFormData(form, { office: {} });
    // then
    expect(problems).toEqual([
      {
        code: "FD1004",
        severity: "error",
        pointer: "/office/building",
        message: "Building is required.",
        params: { field: "Building" },
      },
    ]);
  });

  it("returns a problem, not an exception, for a form whose schema cannot be compiled", () => {
    // given
    const broken = { ...incidentForm, schema: { type: "object", properties: { a: { type: "text" } } } };
    // when
    const problems = validateFormData(broken, {});
    // then
    expect(problems.map((found) => found.code)).toEqual(["FD1012"]);
  });
});

describe("createAjv", () => {
  it("makes an ajv that knows every definition schema, formats and the discriminator", () => {
    // given
    const ajv = createAjv();
    // when
    const validate = ajv.getSchema("https://flowdesk.dev/schemas/workflow.schema.json");
    const email = ajv.compile({ type: "string", format: "email" });
    // then
    expect(validate).toBeTypeOf("function");
    expect(email("jane@example.org")).toBe(true);
    expect(email("jane")).toBe(false);
  });

  it("is strict about unknown keywords, so a typo in a schema is caught", () => {
    // given
    const ajv = createAjv();
    // when / then
    expect(() => ajv.compile({ type: "object", requird: ["a"] })).toThrow(/unknown keyword/);
  });
});

describe("validateFormData on pattern and unknown fields", () => {
  it("names the field for a value in the wrong format and an unexpected field", () => {
    // given a form with a patterned asset tag and no other fields allowed
    const form: FormDefinition = {
      schemaVersion: 1,
      kind: "form",
      id: "asset",
      title: "Asset",
      schema: {
        type: "object",
        additionalProperties: false,
        properties: { assetTag: { type: "string", title: "Asset tag", pattern: "^AT-[0-9]+$" } },
      },
    };
    // when
    const problems = validateFormData(form, { assetTag: "1234", colour: "red" });
    // then
    expect(problems.map((found) => [found.code, found.pointer, found.message])).toEqual([
      ["FD1008", "/colour", 'The form has an unknown field "colour".'],
      ["FD1007", "/assetTag", '"1234" is not in the format asset tag expects.'],
    ]);
  });
});
