import type { JsonSchema, NodeDescriptor } from "@flowdesk/core";

type Ui = Record<string, unknown>;

/** Gives the text to show for one catalog key of a node type; `english` is the descriptor's own text. */
export type PropText = (key: string, english: string) => string;

/** A descriptor's panel schemas with every text a person reads replaced. */
export interface LocalisedSchemas {
  schema: JsonSchema;
  uiSchema: Ui;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** uiSchema keys whose value is read as text, and the catalog key each becomes. */
const UI_TEXTS: ReadonlyArray<readonly [string, string]> = [
  ["ui:title", "uiTitle"],
  ["ui:description", "uiDescription"],
  ["ui:help", "help"],
  ["ui:placeholder", "placeholder"],
];

/**
 * Names an option of a oneOf/anyOf in a key: by the value it is chosen for (`kind: "group"`
 * → `group`, `const: "x"` → `x`), so reordering the options keeps their keys; by index if
 * the option has no constant.
 */
const optionSegment = (option: JsonSchema, index: number): string => {
  if (typeof option.const === "string") return option.const;
  const properties = (option.properties ?? {}) as Record<string, JsonSchema>;
  const fixed = Object.entries(properties).find(([, property]) => typeof property.const === "string");
  return typeof fixed?.[1].const === "string" ? fixed[1].const : String(index);
};

const localiseUi = (ui: Ui, path: string, text: PropText): Ui => {
  const result: Ui = { ...ui };
  for (const [uiKey, segment] of UI_TEXTS) {
    const value = ui[uiKey];
    if (typeof value === "string") result[uiKey] = text(`${path}${segment}`, value);
  }
  return result;
};

const localiseNode = (schema: JsonSchema, ui: Ui, path: string, text: PropText): LocalisedSchemas => {
  const next: Record<string, unknown> = { ...schema };
  const nextUi = localiseUi(ui, path, text);
  if (typeof schema.title === "string") next.title = text(`${path}title`, schema.title);
  if (typeof schema.description === "string")
    next.description = text(`${path}description`, schema.description);
  const values = Array.isArray(schema.enum)
    ? schema.enum.filter((v): v is string => typeof v === "string")
    : [];
  if (values.length > 0) {
    // Labels of a select; the stored value stays the descriptor's enum value.
    nextUi["ui:enumNames"] = Object.fromEntries(
      values.map((value) => [value, text(`${path}enum.${value}`, value)]),
    );
  }
  for (const keyword of ["oneOf", "anyOf"] as const) {
    const options = schema[keyword] as JsonSchema[] | undefined;
    if (!Array.isArray(options)) continue;
    // The parent's uiSchema is read for every option: its texts are translated once, above.
    next[keyword] = options.map(
      (option, index) =>
        localiseNode(option, {}, `${path}${keyword}.${optionSegment(option, index)}.`, text).schema,
    );
  }
  if (isObject(schema.properties)) {
    const properties: Record<string, unknown> = {};
    for (const [name, property] of Object.entries(schema.properties as Record<string, JsonSchema>)) {
      const localised = localiseNode(property, isObject(ui[name]) ? ui[name] : {}, `${path}${name}.`, text);
      properties[name] = localised.schema;
      if (isObject(ui[name]) || Object.keys(localised.uiSchema).length > 0) nextUi[name] = localised.uiSchema;
    }
    next.properties = properties;
  }
  const nested: ReadonlyArray<readonly [string, string]> = [
    ["items", "items"],
    ["additionalProperties", "value"],
    ["propertyNames", "key"],
  ];
  for (const [keyword, segment] of nested) {
    const child = schema[keyword];
    if (!isObject(child)) continue;
    const childUi = isObject(ui[keyword]) ? ui[keyword] : {};
    const localised = localiseNode(child as JsonSchema, childUi, `${path}${segment}.`, text);
    next[keyword] = localised.schema;
    if (isObject(ui[keyword]) || Object.keys(localised.uiSchema).length > 0)
      nextUi[keyword] = localised.uiSchema;
  }
  return { schema: next as JsonSchema, uiSchema: nextUi };
};

/**
 * The descriptor's propertySchema and uiSchema with each title, description, enum label,
 * option title, placeholder and help text passed through `text`. Keys name the place in
 * the schema: `assignee.oneOf.group.title`, `timers.items.after.description`,
 * `mode.enum.quorum`, `outcomes.help` (ui:help), `uiDescription` (the panel's own note).
 */
export const localiseDescriptor = (descriptor: NodeDescriptor, text: PropText): LocalisedSchemas =>
  localiseNode(descriptor.propertySchema, descriptor.uiSchema, "", text);

type Catalog = { [key: string]: string | Catalog };

/**
 * Every translatable text of every node type under `<type>.<key>`, in the descriptors'
 * English, plus `<type>.summary`: the descriptor's description the palette shows.
 */
export const nodePropsCatalog = (registry: Readonly<Record<string, NodeDescriptor>>): Catalog => {
  const catalog: Catalog = {};
  for (const descriptor of Object.values(registry)) {
    const own: Catalog = {};
    localiseDescriptor(descriptor, (key, english) => {
      const segments = key.split(".");
      let level = own;
      for (const segment of segments.slice(0, -1)) {
        const existing = level[segment];
        if (typeof existing === "string")
          throw new Error(`${descriptor.type}: key ${key} clashes with a text`);
        const group: Catalog = existing ?? {};
        level[segment] = group;
        level = group;
      }
      const last = segments.at(-1) ?? "";
      if (typeof level[last] === "object")
        throw new Error(`${descriptor.type}: key ${key} clashes with a group`);
      level[last] = english;
      return english;
    });
    if (own.summary !== undefined)
      throw new Error(`${descriptor.type}: key summary clashes with a schema text`);
    // The palette's tooltip: what the step is for.
    own.summary = descriptor.description;
    catalog[descriptor.type] = own;
  }
  return catalog;
};
