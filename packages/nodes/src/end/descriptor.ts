import type { NodeDescriptor } from "@flowdesk/core";
import { JSON_SCHEMA_DRAFT } from "../config-schema-parts.ts";

/** Where a path finishes; the outcome is what reports and the requester see. */
export const endDescriptor: NodeDescriptor = {
  type: "end",
  label: "End",
  description: "Finishes this path and records an outcome such as resolved or rejected.",
  paletteGroup: "events",
  icon: "M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18zM9 9h6v6h-6z",
  ports: { inputs: "many", outputs: "none" },
  outcomes: {},
  waits: false,
  expressionFields: [],
  templateFields: [],
  propertySchema: {
    $schema: JSON_SCHEMA_DRAFT,
    type: "object",
    title: "End",
    properties: {
      outcome: {
        type: "string",
        title: "Outcome",
        description: "Recorded on the request, e.g. resolved, rejected, cancelled.",
        pattern: "^[a-z][a-z0-9_-]*$",
      },
      terminate: {
        type: "boolean",
        title: "End the whole request",
        description: "Cancel every other open path (tasks, approvals, timers) of the request.",
        default: false,
      },
    },
    additionalProperties: false,
  },
  uiSchema: {
    "ui:order": ["outcome", "terminate"],
    outcome: { "ui:help": "Lower-case id shown in reports, e.g. resolved." },
    terminate: { "ui:help": "Without it, the request ends when its last path ends." },
  },
  defaults: { outcome: "completed", terminate: false },
};
