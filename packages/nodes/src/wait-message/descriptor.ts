import type { NodeDescriptor } from "@flowdesk/core";
import {
  attachedTimersSchema,
  attachedTimersUiSchema,
  expressionSchema,
  JSON_SCHEMA_DRAFT,
} from "../config-schema-parts.ts";

/** Waits for a named message whose correlation key matches, e.g. "vendor replied". */
export const waitMessageDescriptor: NodeDescriptor = {
  type: "wait-message",
  label: "Wait for message",
  description: "Waits until a matching message arrives, e.g. a vendor's reply, with optional timers.",
  paletteGroup: "events",
  icon: "M3 6h18v12H3zM3 6l9 7l9-7",
  ports: { inputs: "many", outputs: "many" },
  outcomes: { timers: true },
  waits: true,
  expressionFields: ["/correlationKey"],
  templateFields: [],
  propertySchema: {
    $schema: JSON_SCHEMA_DRAFT,
    type: "object",
    title: "Wait for message",
    properties: {
      message: {
        type: "string",
        title: "Message",
        description: "Dotted name the sender uses, e.g. vendor.replied.",
        pattern: "^[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)*$",
      },
      correlationKey: expressionSchema(
        "Correlation key",
        "CEL evaluated when the wait starts; a message must carry the same key, e.g. vendorTicket.",
      ),
      timers: attachedTimersSchema(),
    },
    required: ["message", "correlationKey"],
    additionalProperties: false,
  },
  uiSchema: {
    "ui:order": ["message", "correlationKey", "timers"],
    message: { "ui:help": "Senders post this name with the key to the messages API." },
    correlationKey: { "ui:widget": "celExpression" },
    timers: attachedTimersUiSchema(),
  },
  defaults: { message: "vendor.replied", correlationKey: "instance.id" },
};
