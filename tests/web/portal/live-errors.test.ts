import { describe, expect, it } from "vitest";
import { fieldIdOfProperty, requesterErrors } from "../../../packages/web/src/portal/live-errors.ts";

type ValidationError = Parameters<typeof requesterErrors>[0][number];

const ERRORS: ValidationError[] = [
  {
    name: "required",
    property: "justification",
    message: "must have required property 'Why'",
    params: {},
    stack: "",
  },
  {
    name: "minLength",
    property: ".manager",
    message: "must NOT have fewer than 1 characters",
    params: { limit: 1 },
    stack: "",
  },
  {
    name: "maxLength",
    property: ".address.street",
    message: "must NOT have more than 5 characters",
    params: { limit: 5 },
    stack: "",
  },
];

describe("errors while the requester types", () => {
  it("names the input of a property as rjsf does, with or without the leading dot", () => {
    expect(fieldIdOfProperty("justification")).toBe("root_justification");
    expect(fieldIdOfProperty(".address.street")).toBe("root_address_street");
    expect(fieldIdOfProperty(undefined)).toBe("root");
  });

  it("shows only touched fields until a submit is tried, with one sentence for an empty required field", () => {
    // given the requester touched the manager and street fields
    const touched = new Set(["root_manager", "root_address_street"]);

    // when
    const typing = requesterErrors(ERRORS, { touched, submitTried: false, requiredMessage: "Required." });
    const submitted = requesterErrors(ERRORS, { touched, submitTried: true, requiredMessage: "Required." });

    // then
    expect(typing.map((error) => [error.property, error.message])).toEqual([
      [".manager", "Required."],
      [".address.street", "must NOT have more than 5 characters"],
    ]);
    expect(submitted.map((error) => error.message)).toEqual([
      "Required.",
      "Required.",
      "must NOT have more than 5 characters",
    ]);
  });
});
