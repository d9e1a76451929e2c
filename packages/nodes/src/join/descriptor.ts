import type { NodeDescriptor } from "@flowdesk/core";
import { JSON_SCHEMA_DRAFT } from "../config-schema-parts.ts";

/** Parallel join: waits for every branch that was started, then continues once. */
export const joinDescriptor: NodeDescriptor = {
  type: "join",
  label: "Parallel join",
  description: "Waits until every path started by the matching fork has arrived, then continues once.",
  paletteGroup: "gateways",
  icon: "M12 2l10 10l-10 10l-10-10zM8 8l8 8M16 8l-8 8",
  ports: { inputs: "many", outputs: "one" },
  outcomes: {},
  // Arriving tokens are held, but nothing outside the instance is awaited: no SLA pause.
  waits: false,
  flowRole: "join",
  expressionFields: [],
  templateFields: [],
  propertySchema: {
    $schema: JSON_SCHEMA_DRAFT,
    type: "object",
    title: "Parallel join",
    properties: {},
    additionalProperties: false,
  },
  uiSchema: { "ui:description": "Only branches that were actually started are waited for." },
  defaults: {},
};
