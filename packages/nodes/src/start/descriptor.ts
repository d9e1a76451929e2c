import type { NodeDescriptor } from "@flowdesk/core";
import { definitionIdSchema, JSON_SCHEMA_DRAFT } from "../config-schema-parts.ts";

/** Where every instance begins; a catalog form's fields become the first variables. */
export const startDescriptor: NodeDescriptor = {
  type: "start",
  label: "Start",
  description: "Where a request begins. Optionally started by a catalog form whose fields become variables.",
  paletteGroup: "events",
  icon: "M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18zM10 8l6 4l-6 4z",
  ports: { inputs: "none", outputs: "one" },
  outcomes: {},
  waits: false,
  flowRole: "start",
  expressionFields: [],
  templateFields: [],
  propertySchema: {
    $schema: JSON_SCHEMA_DRAFT,
    type: "object",
    title: "Start",
    properties: {
      form: definitionIdSchema("Start form", "Catalog form whose submitted data starts the request."),
    },
    additionalProperties: false,
  },
  uiSchema: {
    "ui:order": ["form"],
    form: {
      "ui:widget": "formPicker",
      "ui:help": "Its fields can be read as variables by every later step.",
    },
  },
  defaults: {},
};
