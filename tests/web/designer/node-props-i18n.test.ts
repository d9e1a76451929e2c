import type { NodeDescriptor } from "@flowdesk/core";
import { nodeRegistry } from "@flowdesk/nodes";
import { zhCN } from "@flowdesk/web/i18n-zh-cn";
import { beforeAll, describe, expect, it } from "vitest";
import { localiseDescriptor } from "../../../packages/web/src/designer/node-props-keys.ts";
import { translatedNodeSchemas } from "../../../packages/web/src/designer/node-props-translation.ts";
import { setupI18n } from "../../../packages/web/src/i18n/setup-i18n.ts";

type Catalog = { [key: string]: string | Catalog };

const descriptors = Object.values(nodeRegistry) as NodeDescriptor[];
const chinese = zhCN.nodeProps as Catalog;

/** Every text the panel and the palette show for a type, by key, in the descriptor's English. */
const textsOf = (descriptor: NodeDescriptor): Map<string, string> => {
  const texts = new Map<string, string>([["summary", descriptor.description]]);
  localiseDescriptor(descriptor, (key, english) => {
    texts.set(key, english);
    return english;
  });
  return texts;
};

const leaves = (catalog: Catalog, prefix = ""): string[] =>
  Object.entries(catalog).flatMap(([key, value]) =>
    typeof value === "string" ? [`${prefix}${key}`] : leaves(value, `${prefix}${key}.`),
  );

const lookup = (catalog: Catalog, key: string): string | undefined => {
  let level: string | Catalog | undefined = catalog;
  for (const segment of key.split(".")) level = typeof level === "object" ? level[segment] : undefined;
  return typeof level === "string" ? level : undefined;
};

/** Every string a person could read anywhere in the raw descriptor, found without knowing its layout. */
const TEXT_KEYS = new Set([
  "title",
  "description",
  "ui:title",
  "ui:description",
  "ui:help",
  "ui:placeholder",
]);
const rawTexts = (value: unknown, found: string[] = []): string[] => {
  if (Array.isArray(value)) for (const item of value) rawTexts(item, found);
  else if (typeof value === "object" && value !== null)
    for (const [key, inner] of Object.entries(value)) {
      // `properties` maps names to schemas: a property called "title" is not a text.
      if (key !== "properties" && TEXT_KEYS.has(key) && typeof inner === "string") found.push(inner);
      else rawTexts(inner, found);
    }
  return found;
};

const placeholders = (text: string) =>
  [...text.matchAll(/{{\s*([^}]*?)\s*}}/g)].map((match) => match[1]).sort();

/** A uiSchema without the enum labels the walk adds (in English they equal the values) and the groups left empty. */
const withoutEnumLabels = (value: unknown): unknown => {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return value;
  const entries = Object.entries(value)
    .filter(([key]) => key !== "ui:enumNames")
    .map(([key, inner]) => [key, withoutEnumLabels(inner)] as const)
    .filter(([, inner]) => typeof inner !== "object" || inner === null || Object.keys(inner).length > 0);
  return Object.fromEntries(entries);
};

/** Enum values that are code a person types or reads as such in every language. */
const CODE_ENUMS = new Set(["GET", "POST", "PUT", "PATCH", "DELETE"]);

describe("node side panel catalogs", () => {
  let i18n: ReturnType<typeof setupI18n>;
  beforeAll(() => {
    i18n = setupI18n("en");
  });

  it("zh-CN has a text for every title, hint and label of every node type", () => {
    // given
    const missing: string[] = [];
    // when
    for (const descriptor of descriptors) {
      for (const key of textsOf(descriptor).keys()) {
        if (lookup(chinese, `${descriptor.type}.${key}`) === undefined)
          missing.push(`${descriptor.type}.${key}`);
      }
    }
    // then
    expect(missing).toEqual([]);
  });

  it("zh-CN holds no key that no descriptor asks for", () => {
    // given
    const wanted = new Set(
      descriptors.flatMap((descriptor) =>
        [...textsOf(descriptor).keys()].map((key) => `${descriptor.type}.${key}`),
      ),
    );
    // when
    const stale = leaves(chinese).filter((key) => !wanted.has(key));
    // then
    expect(stale).toEqual([]);
  });

  it.each(descriptors.map((descriptor) => [descriptor.type, descriptor] as const))(
    "%s: the walk reaches every text the descriptor holds",
    (_type, descriptor) => {
      // given
      const visited = [...textsOf(descriptor)]
        .filter(([key]) => key !== "summary" && !/\.?enum\.[^.]+$/.test(key))
        .map(([, english]) => english);
      // when
      const present = rawTexts([descriptor.propertySchema, descriptor.uiSchema]);
      // then
      expect(visited.sort()).toEqual(present.sort());
    },
  );

  it("zh-CN keeps every {{ cel }} placeholder and translates words, not codes", () => {
    // given
    const problems: string[] = [];
    // when
    for (const descriptor of descriptors) {
      for (const [key, english] of textsOf(descriptor)) {
        const translated = lookup(chinese, `${descriptor.type}.${key}`) ?? "";
        const where = `${descriptor.type}.${key}`;
        if (placeholders(translated).join() !== placeholders(english).join())
          problems.push(`${where}: placeholders`);
        const isCode = key.includes(".enum.") && CODE_ENUMS.has(english);
        if (!isCode && translated === english && /[a-z]{3}/.test(english))
          problems.push(`${where}: left in English`);
      }
    }
    // then
    expect(problems).toEqual([]);
  });

  it("in English the panel schemas are exactly the descriptors'", () => {
    for (const descriptor of descriptors) {
      // when
      const { schema, uiSchema } = translatedNodeSchemas(descriptor, i18n);
      // then
      expect(schema).toEqual(descriptor.propertySchema);
      expect(withoutEnumLabels(uiSchema)).toEqual(withoutEnumLabels(descriptor.uiSchema));
    }
  });

  it("translates in the current language, keeps stored values, and reuses one result per type and language", async () => {
    // given
    const approval = nodeRegistry.approval as NodeDescriptor;
    const english = translatedNodeSchemas(approval, i18n);
    // when
    await i18n.changeLanguage("zh-CN");
    const chineseSchemas = translatedNodeSchemas(approval, i18n);
    const again = translatedNodeSchemas(approval, i18n);
    await i18n.changeLanguage("en");
    // then
    const properties = chineseSchemas.schema.properties as Record<
      string,
      { title?: string; enum?: string[] }
    >;
    expect(properties.approvers?.title).toBe("审批人");
    expect(properties.mode?.enum).toEqual(["any", "all", "quorum"]);
    expect((chineseSchemas.uiSchema.mode as Record<string, unknown>)["ui:enumNames"]).toEqual({
      any: "任一人",
      all: "所有人",
      quorum: "法定人数",
    });
    expect(again).toBe(chineseSchemas);
    expect(translatedNodeSchemas(approval, i18n)).toBe(english);
    expect(approval.propertySchema.properties).toHaveProperty("approvers.title", "Approvers");
  });
});
