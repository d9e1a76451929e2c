import { en } from "@flowdesk/web/i18n-en";
import { zhCN } from "@flowdesk/web/i18n-zh-cn";
import { describe, expect, it } from "vitest";

type Catalog = { [key: string]: string | Catalog };

/** Every key, with i18next plural suffixes folded so `x_one`/`x_other` count as `x`. */
const keys = (catalog: Catalog, prefix = ""): string[] =>
  Object.entries(catalog).flatMap(([key, value]) =>
    typeof value === "string"
      ? [`${prefix}${key.replace(/_(zero|one|two|few|many|other)$/, "")}`]
      : keys(value, `${prefix}${key}.`),
  );

const placeholders = (catalog: Catalog, prefix = ""): Map<string, string> =>
  new Map(
    Object.entries(catalog).flatMap(([key, value]) =>
      typeof value === "string"
        ? [
            [
              `${prefix}${key.replace(/_(zero|one|two|few|many|other)$/, "")}`,
              [...value.matchAll(/{{(\w+)}}/g)]
                .map((m) => m[1])
                .sort()
                .join(","),
            ],
          ]
        : [...placeholders(value, `${prefix}${key}.`)],
    ),
  );

describe("message catalogs", () => {
  it("zh-CN translates every English message and nothing else", () => {
    // when
    const english = new Set(keys(en));
    const chinese = new Set(keys(zhCN));
    // then
    expect([...english].filter((key) => !chinese.has(key))).toEqual([]);
    expect([...chinese].filter((key) => !english.has(key))).toEqual([]);
  });

  it("both languages fill the same placeholders", () => {
    // given
    const english = placeholders(en);
    const chinese = placeholders(zhCN);
    // when
    const mismatched = [...english].filter(([key, names]) => chinese.get(key) !== names).map(([key]) => key);
    // then
    expect(mismatched).toEqual([]);
  });
});
