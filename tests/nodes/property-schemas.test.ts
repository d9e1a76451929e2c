import type { JsonSchema } from "@flowdesk/core";
import { nodeRegistry } from "@flowdesk/nodes";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import invalidConfigs from "./fixtures/invalid-configs.json" with { type: "json" };
import validConfigs from "./fixtures/valid-configs.json" with { type: "json" };
import { schemasAtPointer, unknownUiKeys } from "./schema-walk.ts";

// Strict: unknown keywords or type-less constraints in a descriptor are errors, not logs.
// strictRequired stays off: it cannot see that `if`/`then` branches name declared properties.
const ajv = new Ajv2020({ strict: true, strictRequired: false, allErrors: true });
const descriptors = Object.entries(nodeRegistry);
const validatorFor = (type: string) => {
  const descriptor = nodeRegistry[type];
  if (!descriptor) throw new Error(`no descriptor for ${type}`);
  return ajv.compile(descriptor.propertySchema);
};

/** Widgets that pick another definition: a freshly dropped node cannot know which one. */
const definitionPickers = new Set(["formPicker", "workflowPicker"]);

describe("property schemas", () => {
  it.each(descriptors)(
    "%s: defaults are valid, apart from definitions the owner must pick",
    (type, descriptor) => {
      // given
      const validate = validatorFor(type);

      // when
      validate(descriptor.defaults);

      // then
      const unexpected = (validate.errors ?? []).filter((error) => {
        const missing = error.keyword === "required" ? String(error.params.missingProperty) : undefined;
        const widget = missing
          ? (descriptor.uiSchema[missing] as { "ui:widget"?: string })?.["ui:widget"]
          : undefined;
        return !(error.instancePath === "" && widget && definitionPickers.has(widget));
      });
      expect(unexpected).toEqual([]);
    },
  );

  it.each(descriptors)("%s: accepts realistic configurations", (type) => {
    // given
    const validate = validatorFor(type);
    const configs = (validConfigs as Record<string, unknown[]>)[type] ?? [];

    // then
    expect(configs.length).toBeGreaterThan(0);
    for (const config of configs) {
      expect(validate(config), JSON.stringify(validate.errors)).toBe(true);
    }
  });

  it.each(invalidConfigs.map((sample) => [sample.type, sample.why, sample.config] as const))(
    "%s: rejects a config with %s",
    (type, _why, config) => {
      // given
      const validate = validatorFor(type);

      // then
      expect(validate(config)).toBe(false);
    },
  );

  it.each(descriptors)("%s: expression and template pointers lead to strings", (type, descriptor) => {
    for (const pointer of [...descriptor.expressionFields, ...descriptor.templateFields]) {
      // when
      const targets = schemasAtPointer(descriptor.propertySchema, pointer);

      // then
      expect(targets.length, `${type} ${pointer}`).toBeGreaterThan(0);
      for (const target of targets) expect((target as JsonSchema).type, `${type} ${pointer}`).toBe("string");
    }
  });

  it.each(descriptors)("%s: every uiSchema key names a field of the property schema", (_type, descriptor) => {
    // when
    const unknown = unknownUiKeys(descriptor.propertySchema, descriptor.uiSchema);

    // then
    expect(unknown).toEqual([]);
  });
});
