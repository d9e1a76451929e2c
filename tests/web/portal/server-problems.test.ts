import { describe, expect, it } from "vitest";
import { pointerToPath, problemsToErrorSchema } from "../../../packages/web/src/portal/server-problems.ts";

describe("server problems on rjsf fields", () => {
  it("puts each problem under the field its pointer names, nested and escaped", () => {
    // given a 422 answer with problems for a top-level, a nested and an escaped field
    const problems = [
      {
        code: "FD1004",
        severity: "error" as const,
        pointer: "/data/deliveryAddress",
        message: "Delivery address is required.",
      },
      {
        code: "FD1009",
        severity: "error" as const,
        pointer: "/data/items/0/name",
        message: "Name must not be empty.",
      },
      { code: "FD1009", severity: "error" as const, pointer: "/data/a~1b", message: "Odd name." },
    ];

    // when
    const mapped = problemsToErrorSchema(problems);

    // then rjsf finds them at the fields' paths, and nothing is left for the form as a whole
    expect(mapped.fieldErrors).toEqual({
      deliveryAddress: { __errors: ["Delivery address is required."] },
      items: { 0: { name: { __errors: ["Name must not be empty."] } } },
      "a/b": { __errors: ["Odd name."] },
    });
    expect(mapped.formErrors).toEqual([]);
  });

  it("keeps problems about the whole form, or outside the data, for a notice, and drops repeats", () => {
    // given
    const problems = [
      {
        code: "FD1012",
        severity: "error" as const,
        pointer: "/data",
        message: "The form cannot be checked.",
      },
      { code: "FD6001", severity: "error" as const, pointer: "/formVersion", message: "Unknown version." },
      { code: "FD1004", severity: "error" as const, pointer: "/data/model", message: "Model is required." },
      { code: "FD1004", severity: "error" as const, pointer: "/data/model", message: "Model is required." },
    ];

    // when
    const mapped = problemsToErrorSchema(problems);

    // then
    expect(mapped.formErrors).toEqual(["The form cannot be checked.", "Unknown version."]);
    expect(mapped.fieldErrors).toEqual({ model: { __errors: ["Model is required."] } });
  });

  it("reads pointers only inside the data", () => {
    expect(pointerToPath("/data/x/y")).toEqual(["x", "y"]);
    expect(pointerToPath("/data")).toEqual([]);
    expect(pointerToPath("/database/x")).toBeUndefined();
    expect(pointerToPath("/catalogItemId")).toBeUndefined();
  });
});
