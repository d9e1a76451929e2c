import type { NodeDescriptor } from "@flowdesk/core";
import {
  assigneeRuleSchema,
  assigneeRuleUiSchema,
  JSON_SCHEMA_DRAFT,
  templateSchema,
} from "../config-schema-parts.ts";

/** Tells people (in-app or e-mail) or another system (webhook) and moves on at once. */
export const notifyDescriptor: NodeDescriptor = {
  type: "notify",
  label: "Notify",
  description: "Sends an in-app message, an e-mail or a webhook, then continues without waiting.",
  paletteGroup: "automation",
  icon: "M6 16V11a6 6 0 0 1 12 0v5l2 2H4zM10 20h4",
  ports: { inputs: "many", outputs: "one" },
  outcomes: {},
  waits: false,
  expressionFields: ["/to/*/expression"],
  templateFields: ["/subject", "/body", "/url"],
  propertySchema: {
    $schema: JSON_SCHEMA_DRAFT,
    type: "object",
    title: "Notify",
    properties: {
      channel: {
        type: "string",
        title: "Channel",
        enum: ["in-app", "email", "webhook"],
        default: "in-app",
      },
      to: {
        type: "array",
        title: "Recipients",
        items: assigneeRuleSchema("Recipient", "A person, a group, a role or a rule."),
      },
      url: templateSchema("Webhook URL", "Where the webhook is posted; {{ cel }} placeholders allowed."),
      subject: templateSchema("Subject", "{{ cel }} placeholders allowed."),
      body: templateSchema("Message", "{{ cel }} placeholders allowed.", 1),
    },
    required: ["channel", "body"],
    allOf: [
      {
        if: { type: "object", properties: { channel: { const: "webhook" } }, required: ["channel"] },
        // biome-ignore lint/suspicious/noThenProperty: "then" is the JSON Schema conditional keyword.
        then: { type: "object", required: ["url"] },
        else: {
          type: "object",
          properties: { to: { type: "array", minItems: 1 } },
          required: ["to"],
        },
      },
    ],
    additionalProperties: false,
  },
  uiSchema: {
    "ui:order": ["channel", "to", "url", "subject", "body"],
    channel: { "ui:widget": "radio" },
    to: {
      "ui:help": "Used by in-app and e-mail.",
      items: assigneeRuleUiSchema("Everyone matched is told."),
    },
    url: { "ui:help": "Used by webhook; the message is posted as the request body." },
    subject: { "ui:help": "Example: Incident {{ shortDescription }} is {{ priority }}" },
    body: { "ui:widget": "textarea" },
  },
  defaults: {
    channel: "in-app",
    to: [{ kind: "expression", expression: "requester" }],
    body: "Your request has been updated.",
  },
};
