import { validateFormData } from "@flowdesk/core";
import { type FormModel, toFormDefinition } from "@flowdesk/web/form-model";
import { formValidator } from "@flowdesk/web/form-validator";
import { describe, expect, it } from "vitest";
import fixture from "../fixtures/hardware-request.form-model.json" with { type: "json" };

const form = toFormDefinition(structuredClone(fixture) as FormModel);

/** What the live form in the browser reports, and what the server's check reports. */
const verdicts = (data: Record<string, unknown>) => ({
  browser: formValidator.validateFormData(data, form.schema).errors.map((error) => error.property ?? ""),
  server: validateFormData(form, data).filter((problem) => problem.severity === "error").length,
});

describe("form validation in the designer's preview", () => {
  it("accepts answers that leave a conditional required field hidden, like the server", () => {
    // when
    const { browser, server } = verdicts({ category: "Laptop", quantity: 2 });
    // then
    expect(browser).toEqual([]);
    expect(server).toBe(0);
  });

  it("requires the conditional field once its condition holds, like the server", () => {
    // when
    const { browser, server } = verdicts({ category: "Other" });
    // then
    expect(browser.join(" ")).toContain("other_detail");
    expect(server).toBeGreaterThan(0);
  });

  it("rejects a number above its maximum, like the server", () => {
    // when
    const { browser, server } = verdicts({ category: "Laptop", quantity: 11 });
    // then
    expect(browser.join(" ")).toContain("quantity");
    expect(server).toBeGreaterThan(0);
  });
});
