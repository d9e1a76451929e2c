import { type FormDefinition, type JsonSchema, schemaIdOf, validateFormData } from "@flowdesk/core";
import { formValidator } from "@flowdesk/web/form-validator";
import { describe, expect, it } from "vitest";

/*
 * One set of form schemas and answers, checked by the browser's rjsf validator and by the
 * server's path (core's validateFormData, what POST /requests runs): both must say the
 * same thing, accept or refuse, for every sample.
 */

const form = (schema: JsonSchema): FormDefinition => ({
  schemaVersion: 1,
  kind: "form",
  id: "parity",
  title: "Parity",
  schema,
});

const text = (extra: JsonSchema): JsonSchema => ({
  type: "object",
  properties: { answer: { type: "string", title: "Answer", ...extra } },
});

const limitedQuantity = (maximum: number, $id: string): JsonSchema => ({
  $id,
  type: "object",
  properties: { quantity: { type: "number", title: "Quantity", maximum } },
});

interface Sample {
  name: string;
  schema: JsonSchema;
  data: unknown;
}

const SAMPLES: Sample[] = [
  { name: "e-mail, well formed", schema: text({ format: "email" }), data: { answer: "ana@example.com" } },
  { name: "e-mail, malformed", schema: text({ format: "email" }), data: { answer: "ana" } },
  { name: "date, well formed", schema: text({ format: "date" }), data: { answer: "2026-12-07" } },
  { name: "date, malformed", schema: text({ format: "date" }), data: { answer: "07/12/2026" } },
  { name: "color (rjsf's extra format)", schema: text({ format: "color" }), data: { answer: "#ff0000" } },
  {
    name: "data-url (rjsf's extra format)",
    schema: text({ format: "data-url" }),
    data: { answer: "data:text/plain;name=a.txt;base64,SGk=" },
  },
  { name: "a format nobody knows", schema: text({ format: "postcode" }), data: { answer: "SW1A 1AA" } },
  {
    name: "attachment as the designer makes it (a data URL in a plain string)",
    schema: text({}),
    data: { answer: "data:text/plain;name=a.txt;base64,SGk=" },
  },
  {
    name: "$id naming a published definition schema",
    schema: { ...text({}), $id: schemaIdOf("form") },
    data: { answer: "anything" },
  },
  {
    name: "$id, first version",
    schema: limitedQuantity(5, "urn:flowdesk:form:laptop"),
    data: { quantity: 7 },
  },
  {
    name: "$id, next version",
    schema: limitedQuantity(10, "urn:flowdesk:form:laptop"),
    data: { quantity: 7 },
  },
  { name: "$id, same again", schema: limitedQuantity(5, "urn:flowdesk:form:laptop"), data: { quantity: 7 } },
  {
    name: "nested $id",
    schema: {
      type: "object",
      properties: { tag: { $id: "urn:flowdesk:tag", type: "string", minLength: 3 } },
    },
    data: { tag: "ab" },
  },
];

const browserAccepts = (sample: Sample): boolean =>
  formValidator.validateFormData(sample.data, sample.schema as never).errors.length === 0;

const serverAccepts = (sample: Sample): boolean =>
  validateFormData(form(sample.schema), sample.data).every((problem) => problem.severity !== "error");

describe("the browser's form validator and the server's", () => {
  it.each(SAMPLES)("give the same answer: $name", (sample) => {
    // when
    const browser = browserAccepts(sample);
    const server = serverAccepts(sample);
    // then
    expect(browser).toBe(server);
  });

  it("refuse the formats the server does not know, and accept what the designer's file widget sends", () => {
    // given
    const byName = (name: string) => SAMPLES.find((sample) => sample.name.startsWith(name))!;
    // when
    const verdicts = ["color", "data-url", "a format nobody knows", "attachment"].map((name) =>
      browserAccepts(byName(name)),
    );
    // then
    expect(verdicts).toEqual([false, false, false, true]);
  });

  it("check an edited form by its new rules even when its $id stays the same", () => {
    // given a form checked once
    const first = limitedQuantity(5, "urn:flowdesk:form:monitor");
    expect(browserAccepts({ name: "first", schema: first, data: { quantity: 7 } })).toBe(false);
    // when the process owner raises the limit, keeping the $id
    const edited = limitedQuantity(10, "urn:flowdesk:form:monitor");
    // then
    expect(browserAccepts({ name: "edited", schema: edited, data: { quantity: 7 } })).toBe(true);
  });

  it("choose the shown branch of a form (if/then, oneOf) by the same formats", () => {
    // given
    const root = text({ format: "color" });
    // when
    const colourBranch = formValidator.isValid({ type: "string", format: "color" }, "#ff0000", root as never);
    const dateBranch = formValidator.isValid({ type: "string", format: "date" }, "2026-12-07", root as never);
    // then
    expect([colourBranch, dateBranch]).toEqual([false, true]);
  });

  it("resolve a branch's $ref into the form as it is now, not as it was first seen", () => {
    // given a branch pointing into the form's $defs
    const withLimit = (maximum: number) =>
      ({ type: "object", $defs: { seats: { type: "number", maximum } } }) as never;
    const branch = { $ref: "#/$defs/seats" } as never;
    // when
    const before = formValidator.isValid(branch, 20, withLimit(10));
    const after = formValidator.isValid(branch, 20, withLimit(30));
    // then
    expect([before, after]).toEqual([false, true]);
  });
});
