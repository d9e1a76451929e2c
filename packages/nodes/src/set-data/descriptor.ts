import type { NodeDescriptor } from "@flowdesk/core";
import { expressionSchema, JSON_SCHEMA_DRAFT, variableNameSchema } from "../config-schema-parts.ts";

/** Computes variables from expressions, in order, so a later one may read an earlier one. */
export const setDataDescriptor: NodeDescriptor = {
  type: "set-data",
  label: "Set data",
  description: "Sets variables from CEL expressions, e.g. the priority from impact and urgency.",
  paletteGroup: "automation",
  icon: "M5 6h14M5 12h14M5 18h9",
  ports: { inputs: "many", outputs: "one" },
  outcomes: {},
  waits: false,
  writesVariables: [{ pointer: "/assignments/*/variable", name: "value" }],
  expressionFields: ["/assignments/*/expression"],
  templateFields: [],
  propertySchema: {
    $schema: JSON_SCHEMA_DRAFT,
    type: "object",
    title: "Set data",
    properties: {
      assignments: {
        type: "array",
        title: "Assignments",
        items: {
          type: "object",
          title: "Assignment",
          properties: {
            variable: variableNameSchema("Variable", "Declared in the workflow's variables."),
            expression: expressionSchema("Value", "CEL, e.g. priorityFromMatrix(impact, urgency)."),
          },
          required: ["variable", "expression"],
          additionalProperties: false,
        },
      },
    },
    required: ["assignments"],
    additionalProperties: false,
  },
  uiSchema: {
    assignments: {
      "ui:help": "Evaluated top to bottom; a later value may read an earlier one.",
      items: {
        "ui:order": ["variable", "expression"],
        expression: { "ui:widget": "celExpression" },
      },
    },
  },
  defaults: { assignments: [] },
};
