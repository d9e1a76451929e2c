import type { JsonSchema } from "@flowdesk/core";

/*
 * Schema fragments several node types share. Each descriptor spreads copies of them into
 * its own propertySchema, so every descriptor stays a self-contained JSON document (no
 * $ref between node types) that the designer can ship to the browser as it is.
 */

/** Draft every property schema is written in. */
export const JSON_SCHEMA_DRAFT = "https://json-schema.org/draft/2020-12/schema";

/** Slug naming another definition (form, workflow, group). */
export const definitionIdSchema = (title: string, description: string): JsonSchema => ({
  type: "string",
  title,
  description,
  pattern: "^[a-z][a-z0-9-]*$",
});

/** ISO 8601 duration with at least one component, e.g. "PT4H", "P3D", "P1DT12H". */
export const isoDurationSchema = (title: string, description: string): JsonSchema => ({
  type: "string",
  title,
  description,
  pattern: "^P(?=\\d|T\\d)(\\d+Y)?(\\d+M)?(\\d+W)?(\\d+D)?(T(?=\\d)(\\d+H)?(\\d+M)?(\\d+(\\.\\d+)?S)?)?$",
});

/** CEL source text; the validator parses and type-checks it against the variables. */
export const expressionSchema = (title: string, description: string): JsonSchema => ({
  type: "string",
  title,
  description,
  minLength: 1,
});

/** Text with {{ cel }} placeholders. */
export const templateSchema = (title: string, description: string, minLength = 0): JsonSchema => ({
  type: "string",
  title,
  description,
  ...(minLength > 0 ? { minLength } : {}),
});

/** Name of an instance variable as CEL reads it. */
export const variableNameSchema = (title: string, description: string): JsonSchema => ({
  type: "string",
  title,
  description,
  pattern: "^[A-Za-z_][A-Za-z0-9_]*$",
});

/** Id of an outcome or an attached timer: an edge names it in `outcome`. */
export const outcomeIdSchema = (title: string): JsonSchema => ({
  type: "string",
  title,
  pattern: "^[a-z][a-z0-9_-]*$",
});

/** Who does a piece of work: mirrors AssigneeRule in @flowdesk/core. */
export const assigneeRuleSchema = (title: string, description: string): JsonSchema => ({
  type: "object",
  title,
  description,
  oneOf: [
    {
      type: "object",
      title: "Group",
      properties: {
        kind: { const: "group" },
        group: { ...definitionIdSchema("Group", "Every member of this group sees the work.") },
      },
      required: ["kind", "group"],
      additionalProperties: false,
    },
    {
      type: "object",
      title: "User",
      properties: {
        kind: { const: "user" },
        user: { type: "string", title: "User", description: "Login of one person.", minLength: 1 },
      },
      required: ["kind", "user"],
      additionalProperties: false,
    },
    {
      type: "object",
      title: "Role",
      properties: {
        kind: { const: "role" },
        role: { ...definitionIdSchema("Role", "Everyone holding this role of the directory.") },
      },
      required: ["kind", "role"],
      additionalProperties: false,
    },
    {
      type: "object",
      title: "Rule",
      properties: {
        kind: { const: "expression" },
        expression: {
          ...expressionSchema(
            "Rule",
            "CEL giving a user login or a list of logins, e.g. requester or a variable set by a form.",
          ),
        },
      },
      required: ["kind", "expression"],
      additionalProperties: false,
    },
  ],
});

/** rjsf uiSchema for one assignee rule: a picker per kind. */
export const assigneeRuleUiSchema = (help: string): Record<string, unknown> => ({
  "ui:help": help,
  group: { "ui:widget": "groupPicker" },
  user: { "ui:widget": "userPicker" },
  expression: { "ui:widget": "celExpression" },
});

/** Timers attached to a waiting step: mirrors AttachedTimer in @flowdesk/core. */
export const attachedTimersSchema = (): JsonSchema => ({
  type: "array",
  title: "Timers",
  description:
    "Escalate (interrupting: the step is cancelled and the token leaves by the timer's edge) or remind (non-interrupting: the step keeps waiting).",
  items: {
    type: "object",
    title: "Timer",
    properties: {
      id: outcomeIdSchema("Outcome id"),
      label: { type: "string", title: "Label" },
      after: isoDurationSchema("After", "Time from the start of the step, e.g. PT4H or P3D."),
      businessHours: {
        type: "boolean",
        title: "Business hours only",
        description: "Count only working hours of the SLA policy's calendar.",
        default: false,
      },
      interrupting: {
        type: "boolean",
        title: "Interrupting",
        description: "Cancel the step when the timer fires (escalation) instead of only reminding.",
        default: true,
      },
    },
    required: ["id", "after", "interrupting"],
    additionalProperties: false,
  },
});

export const attachedTimersUiSchema = (): Record<string, unknown> => ({
  "ui:help": "Each timer's id is an outcome: draw an edge naming it to say where the token goes.",
  items: {
    "ui:order": ["id", "label", "after", "businessHours", "interrupting"],
    id: { "ui:help": "Lower-case id, e.g. escalate or remind." },
    after: { "ui:widget": "durationInput" },
  },
});
