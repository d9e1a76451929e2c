import { createRequire } from "node:module";
import type { JsonSchema, WorkflowNode } from "@flowdesk/core";
import { nodeRegistry } from "@flowdesk/nodes";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NodePanel } from "../../../packages/web/src/designer/NodePanel.tsx";
import { setupI18n } from "../../../packages/web/src/i18n/setup-i18n.ts";

// React lives in the web package; load the same copy the panel renders with.
const webRequire = createRequire(new URL("../../../packages/web/package.json", import.meta.url));
const { createElement } = (await import(webRequire.resolve("react"))) as {
  createElement: (component: typeof NodePanel, props: Parameters<typeof NodePanel>[0]) => unknown;
};
const { renderToString } = (await import(webRequire.resolve("react-dom/server"))) as {
  renderToString: (element: unknown) => string;
};

const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, "")
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .trim();

const all = (html: string, pattern: RegExp) => [...html.matchAll(pattern)];

/** One item in every array, so item fields and their buttons are rendered too. */
const sampleConfig = (schema: JsonSchema, defaults: Record<string, unknown>) => {
  const config: Record<string, unknown> = { ...defaults };
  for (const [name, property] of Object.entries((schema.properties ?? {}) as Record<string, JsonSchema>)) {
    if (property.type === "array" && config[name] === undefined) {
      const items = property.items as JsonSchema;
      config[name] = [items.oneOf || items.anyOf ? { kind: "group", group: "service-desk" } : {}];
    }
  }
  return config;
};

const renderPanel = (node: WorkflowNode) =>
  renderToString(
    createElement(NodePanel, { node, registry: nodeRegistry, problems: [], onChange: () => {} }),
  );

const assigneeKinds = [
  { kind: "group", group: "service-desk" },
  { kind: "user", user: "alice" },
  { kind: "role", role: "agent" },
  { kind: "expression", expression: "requester" },
];

const panels: [string, WorkflowNode][] = [
  ...Object.values(nodeRegistry).map((descriptor): [string, WorkflowNode] => [
    descriptor.type,
    {
      id: `${descriptor.type}-1`,
      type: descriptor.type,
      name: descriptor.label,
      config: sampleConfig(descriptor.propertySchema, (descriptor.defaults ?? {}) as Record<string, unknown>),
    } as WorkflowNode,
  ]),
  ...assigneeKinds.map((assignee): [string, WorkflowNode] => [
    `user-task assigned by ${assignee.kind}`,
    { id: "task-1", type: "user-task", name: "Triage", config: { assignee } } as WorkflowNode,
  ]),
];

describe("node side panels", () => {
  beforeAll(() => {
    setupI18n("en");
  });

  it("covers all 13 node types", () => {
    expect(Object.keys(nodeRegistry)).toHaveLength(13);
  });

  it.each(panels)("%s: every label is shown once in a row and every hint once", (_name, node) => {
    // given
    const html = renderPanel(node);
    // when
    const titles = all(html, /<(label|legend)\b[^>]*>([\s\S]*?)<\/\1>/g).map((match) =>
      textOf(match[2] ?? ""),
    );
    const hints = all(html, /<div[^>]*class="(?:help-block|field-description)"[^>]*>([\s\S]*?)<\/div>/g).map(
      (match) => textOf(match[1] ?? ""),
    );
    // then
    const repeated = (texts: string[]) =>
      texts.filter((text, index) => index > 0 && texts[index - 1] === text);
    expect(repeated(titles)).toEqual([]);
    expect(repeated(hints)).toEqual([]);
    expect(html).not.toMatch(/Unsupported|No widget/i);
  });

  it.each(panels)("%s: every control is named and every id is unique", (_name, node) => {
    // given
    const html = renderPanel(node);
    // when
    const ids = all(html, /\sid="([^"]+)"/g).map((match) => match[1]);
    const labelled = new Set([
      ...all(html, /<label[^>]*\sfor="([^"]+)"/g).map((match) => match[1]),
      // a checkbox or radio inside its <label>
      ...all(html, /<label\b[^>]*>([\s\S]*?)<\/label>/g).flatMap((match) =>
        all(match[1] ?? "", /\sid="([^"]+)"/g).map((inner) => inner[1]),
      ),
    ]);
    const controls = all(html, /<(input|select|textarea)\b([^>]*)>/g)
      .map((match) => match[2] ?? "")
      .filter((attributes) => !/type="hidden"/.test(attributes));
    const buttons = all(html, /<button\b[^>]*>([\s\S]*?)<\/button>/g).map((match) => textOf(match[1] ?? ""));
    // then
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
    for (const attributes of controls) {
      const id = /\sid="([^"]+)"/.exec(attributes)?.[1];
      const named = /aria-label="[^"]+"/.test(attributes) || (id !== undefined && labelled.has(id));
      expect(named, `unnamed control <${attributes}>`).toBe(true);
    }
    expect(buttons.filter((text) => text === "" || text.length < 3)).toEqual([]);
  });

  it("labels the assignee selector with what it chooses, once", () => {
    // given
    const html = renderPanel(panels.find(([name]) => name === "user-task")![1]);
    // when
    const selectId = /<select[^>]*id="([^"]*assignee__oneof_select)"/.exec(html)?.[1];
    // then
    expect(selectId).toBeDefined();
    expect(html).toContain(`<label class="control-label" for="${selectId}">Assignee type</label>`);
    expect(html.split("A group puts the task in its shared queue").length - 1).toBe(1);
  });
});

/** Words a designer types or reads as code in every language. */
const CODE_WORDS = new Set([
  "ID",
  "URL",
  "GET",
  "POST",
  "PUT",
  "PATCH",
  "DELETE",
  "ISO",
  "8601",
  "SLA",
  "CEL",
  "Webhook",
]);

describe("node side panels in zh-CN", () => {
  let i18n: ReturnType<typeof setupI18n>;
  beforeAll(async () => {
    i18n = setupI18n("en");
    await i18n.changeLanguage("zh-CN");
  });
  afterAll(async () => {
    await i18n.changeLanguage("en");
  });

  it.each(panels)(
    "%s: labels, options and buttons are Chinese, hints are not left in English",
    (_name, node) => {
      // given
      const html = renderPanel(node);
      // when
      const names = [
        ...all(html, /<(label|legend|option|button)\b[^>]*>([\s\S]*?)<\/\1>/g).map((match) =>
          textOf(match[2] ?? ""),
        ),
      ].filter((text) => text !== "" && text !== "*");
      const hints = all(
        html,
        /<div[^>]*class="(?:help-block|field-description)"[^>]*>([\s\S]*?)<\/div>/g,
      ).map((match) => textOf(match[1] ?? ""));
      // then
      const english = names.filter((text) =>
        text
          .replace(/\*/g, "")
          .split(/[\s（）()]+/)
          .some((word) => /[A-Za-z]/.test(word) && !CODE_WORDS.has(word)),
      );
      expect(english).toEqual([]);
      expect(hints.filter((text) => !/[\u4e00-\u9fff]/.test(text))).toEqual([]);
    },
  );

  it("names the assignee selector and its options in Chinese", () => {
    // given
    const html = renderPanel(panels.find(([name]) => name === "user-task")![1]);
    // then
    expect(html).toMatch(
      /<label class="control-label" for="[^"]*assignee__oneof_select">处理人类型<\/label>/,
    );
    expect(all(html, /<option[^>]*>([^<]*)<\/option>/g).map((match) => match[1])).toEqual(
      expect.arrayContaining(["用户组", "用户", "角色", "规则"]),
    );
  });
});
