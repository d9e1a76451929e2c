import type { NodeDescriptor } from "@flowdesk/core";
import {
  definitionIdSchema,
  expressionSchema,
  JSON_SCHEMA_DRAFT,
  variableNameSchema,
} from "../config-schema-parts.ts";

/** Runs another published workflow as a child and waits for it; cancelling cancels the child. */
export const subprocessDescriptor: NodeDescriptor = {
  type: "subprocess",
  label: "Subprocess",
  description: "Runs another workflow with mapped input, waits for it to end and maps its output back.",
  paletteGroup: "flow",
  icon: "M3 5h18v14H3zM10 12h4M12 10v4",
  ports: { inputs: "many", outputs: "one" },
  outcomes: {},
  waits: true,
  writesVariables: [{ pointer: "/output", name: "keys" }],
  callsWorkflow: { workflowField: "workflow", inputField: "input", outputField: "output" },
  expressionFields: ["/input/*", "/output/*"],
  templateFields: [],
  propertySchema: {
    $schema: JSON_SCHEMA_DRAFT,
    type: "object",
    title: "Subprocess",
    properties: {
      workflow: definitionIdSchema("Workflow", "The child workflow; its newest published version runs."),
      input: {
        type: "object",
        title: "Input",
        description: "Child variable -> CEL over this workflow's variables.",
        propertyNames: variableNameSchema("Child variable", "Variable of the child workflow."),
        additionalProperties: expressionSchema("Value", "e.g. configurationItem"),
      },
      output: {
        type: "object",
        title: "Output",
        description: "Variable of this workflow -> CEL over the child's variables when it ends.",
        propertyNames: variableNameSchema("Variable", "Variable of this workflow."),
        additionalProperties: expressionSchema("Value", "e.g. changeOutcome"),
      },
    },
    required: ["workflow"],
    additionalProperties: false,
  },
  uiSchema: {
    "ui:order": ["workflow", "input", "output"],
    workflow: { "ui:widget": "workflowPicker" },
    input: {
      "ui:help": "What the child starts with.",
      additionalProperties: { "ui:widget": "celExpression" },
    },
    output: {
      "ui:help": "What comes back when the child ends.",
      additionalProperties: { "ui:widget": "celExpression" },
    },
  },
  // No workflow can be preselected: the side panel asks for one (the schema requires it).
  defaults: { input: {}, output: {} },
};
