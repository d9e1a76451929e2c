import type { NodeDescriptor } from "@flowdesk/core";
import { JSON_SCHEMA_DRAFT } from "../config-schema-parts.ts";

/**
 * Exclusive decision: the token takes the first outgoing edge whose condition holds, or
 * the default edge. The conditions live on the edges, so the node itself has no settings.
 */
export const decisionDescriptor: NodeDescriptor = {
  type: "decision",
  label: "Decision",
  description: "Takes exactly one path: the first edge whose condition holds, else the default edge.",
  paletteGroup: "gateways",
  icon: "M12 2l10 10l-10 10l-10-10z",
  ports: { inputs: "many", outputs: "many" },
  outcomes: {},
  waits: false,
  flowRole: "decision",
  expressionFields: [],
  templateFields: [],
  propertySchema: {
    $schema: JSON_SCHEMA_DRAFT,
    type: "object",
    title: "Decision",
    description: "Conditions are set on the outgoing edges; mark one edge as the default.",
    properties: {},
    additionalProperties: false,
  },
  uiSchema: { "ui:description": "Select an outgoing edge to write its condition." },
  defaults: {},
};
