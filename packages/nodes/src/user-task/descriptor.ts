import type { NodeDescriptor } from "@flowdesk/core";
import {
  assigneeRuleSchema,
  assigneeRuleUiSchema,
  attachedTimersSchema,
  attachedTimersUiSchema,
  definitionIdSchema,
  isoDurationSchema,
  JSON_SCHEMA_DRAFT,
  outcomeIdSchema,
  templateSchema,
} from "../config-schema-parts.ts";

/** Work a person or a group's queue does in their inbox, leaving by a named outcome. */
export const userTaskDescriptor: NodeDescriptor = {
  type: "user-task",
  label: "User task",
  description: "Work for a person or a group's queue: fill the task form and pick an outcome.",
  paletteGroup: "work",
  icon: "M12 4a4 4 0 1 0 0 8a4 4 0 1 0 0-8zM4 20c0-4 4-6 8-6s8 2 8 6z",
  ports: { inputs: "many", outputs: "many" },
  outcomes: { fromConfig: "outcomes", default: "done", timers: true },
  waits: true,
  personWork: "task",
  expressionFields: ["/assignee/expression"],
  templateFields: ["/instructions"],
  propertySchema: {
    $schema: JSON_SCHEMA_DRAFT,
    type: "object",
    title: "User task",
    properties: {
      assignee: assigneeRuleSchema("Assignee", "Who does the work."),
      form: definitionIdSchema("Task form", "Form the assignee fills; its fields become variables."),
      outcomes: {
        type: "array",
        title: "Outcomes",
        description: "Buttons the assignee chooses from; without any, the task has a single outcome done.",
        items: {
          type: "object",
          title: "Outcome",
          properties: {
            id: outcomeIdSchema("Id"),
            label: { type: "string", title: "Label", minLength: 1 },
          },
          required: ["id", "label"],
          additionalProperties: false,
        },
      },
      due: isoDurationSchema("Due after", "Due date shown in the inbox, counted from when the task opens."),
      timers: attachedTimersSchema(),
      instructions: templateSchema(
        "Instructions",
        "Shown above the task form; {{ cel }} placeholders allowed.",
      ),
    },
    required: ["assignee"],
    additionalProperties: false,
  },
  uiSchema: {
    "ui:order": ["assignee", "form", "outcomes", "instructions", "due", "timers"],
    assignee: assigneeRuleUiSchema("A group puts the task in its shared queue; a rule can pick a person."),
    form: { "ui:widget": "formPicker" },
    outcomes: {
      "ui:help": "Each outcome id can be named by an outgoing edge.",
      items: { "ui:order": ["id", "label"] },
    },
    due: { "ui:widget": "durationInput" },
    timers: attachedTimersUiSchema(),
    instructions: {
      "ui:widget": "textarea",
      "ui:help": "Example: Please check {{ affectedService }} and call {{ requester }} back.",
    },
  },
  // Built-in roles exist in every directory, so a new node never names a missing group.
  defaults: { assignee: { kind: "role", role: "agent" } },
};
