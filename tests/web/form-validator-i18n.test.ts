import { describe, expect, it } from "vitest";
import { setupI18n } from "../../packages/web/src/i18n/setup-i18n.ts";
import { formValidator } from "../../packages/web/src/widgets/form-validator.ts";

const laptopRequest: Parameters<typeof formValidator.validateFormData>[1] = {
  type: "object",
  required: ["reason"],
  properties: {
    reason: { type: "string", title: "Reason", minLength: 10 },
    costCentre: { type: "string", title: "Cost centre", pattern: "^CC-[0-9]{4}$" },
    email: { type: "string", title: "Manager e-mail", format: "email" },
    size: { type: "string", title: "Screen size", enum: ["13", "15"] },
    quantity: { type: "integer", title: "Quantity", minimum: 1, maximum: 5 },
  },
};

const badAnswers = { reason: "old", costCentre: "12", email: "nobody", size: "17", quantity: 9 };

const messagesOf = (data: Record<string, unknown>) =>
  Object.fromEntries(
    formValidator.validateFormData(data, laptopRequest).errors.map((error) => [error.name, error.message]),
  );

const hasChinese = (text: string | undefined) => /[\u4e00-\u9fff]/.test(text ?? "");

describe("form validation messages follow the app language", () => {
  it("reads in Chinese in zh-CN for required, minLength, pattern, format, enum, minimum and maximum", async () => {
    // given the app in zh-CN
    const i18n = setupI18n("zh-CN");
    await i18n.changeLanguage("zh-CN");
    // when validating answers that break every kind of rule
    const broken = { ...messagesOf(badAnswers), ...messagesOf({ quantity: 0 }) };
    // then each message is Chinese
    for (const keyword of ["required", "minLength", "pattern", "format", "enum", "minimum", "maximum"]) {
      expect(hasChinese(broken[keyword]), `${keyword}: ${broken[keyword]}`).toBe(true);
    }
    expect(broken.minLength).toContain("10");
    expect(broken.maximum).toContain("5");
  });

  it("switches back to English without a new validator", async () => {
    // given the app switched back to English
    const i18n = setupI18n("zh-CN");
    await i18n.changeLanguage("en");
    // when
    const broken = messagesOf(badAnswers);
    // then ajv's English words are used
    expect(broken.minLength).toBe("must NOT have fewer than 10 characters");
    expect(hasChinese(broken.enum)).toBe(false);
  });
});
