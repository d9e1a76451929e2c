import type { NodeDescriptor } from "@flowdesk/core";
import { JSON_SCHEMA_DRAFT } from "../config-schema-parts.ts";

/** Parallel fork: one token per outgoing edge, all at once. */
export const forkDescriptor: NodeDescriptor = {
  type: "fork",
  label: "Parallel fork",
  description: "Starts every outgoing path at the same time.",
  paletteGroup: "gateways",
  icon: "M12 2l10 10l-10 10l-10-10zM12 7v10M7 12h10",
  ports: { inputs: "many", outputs: "many" },
  outcomes: {},
  waits: false,
  flowRole: "fork",
  expressionFields: [],
  templateFields: [],
  propertySchema: {
    $schema: JSON_SCHEMA_DRAFT,
    type: "object",
    title: "Parallel fork",
    properties: {},
    additionalProperties: false,
  },
  uiSchema: { "ui:description": "Bring the parallel paths back together with a join." },
  defaults: {},
};
