import type { NodeDescriptor } from "@flowdesk/core";
import { expressionSchema, isoDurationSchema, JSON_SCHEMA_DRAFT } from "../config-schema-parts.ts";

/** Holds the token for a duration, until a date, or for a span of business hours. */
export const timerDescriptor: NodeDescriptor = {
  type: "timer",
  label: "Timer",
  description: "Waits for a duration, until a date, or for a number of business hours.",
  paletteGroup: "events",
  icon: "M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18zM12 7v5l3 3",
  ports: { inputs: "many", outputs: "one" },
  outcomes: {},
  waits: true,
  expressionFields: ["/date"],
  templateFields: [],
  propertySchema: {
    $schema: JSON_SCHEMA_DRAFT,
    type: "object",
    title: "Timer",
    properties: {
      mode: {
        type: "string",
        title: "Wait",
        enum: ["duration", "date", "business-duration"],
        default: "duration",
      },
      duration: isoDurationSchema("Duration", "e.g. PT30M, PT8H, P2D."),
      date: expressionSchema("Until", "CEL giving an ISO date-time or a timestamp, e.g. plannedStart."),
    },
    required: ["mode"],
    allOf: [
      {
        if: { type: "object", properties: { mode: { const: "date" } }, required: ["mode"] },
        // biome-ignore lint/suspicious/noThenProperty: "then" is the JSON Schema conditional keyword.
        then: { type: "object", required: ["date"] },
        else: { type: "object", required: ["duration"] },
      },
    ],
    additionalProperties: false,
  },
  uiSchema: {
    "ui:order": ["mode", "duration", "date"],
    mode: {
      "ui:widget": "radio",
      "ui:help": "business-duration counts only working hours of the SLA policy's calendar.",
    },
    duration: { "ui:widget": "durationInput", "ui:help": "Used by duration and business-duration." },
    date: { "ui:widget": "celExpression", "ui:help": "Used by date." },
  },
  defaults: { mode: "duration", duration: "PT1H" },
};
