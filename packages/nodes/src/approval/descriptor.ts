import type { NodeDescriptor } from "@flowdesk/core";
import {
  assigneeRuleSchema,
  assigneeRuleUiSchema,
  attachedTimersSchema,
  attachedTimersUiSchema,
  definitionIdSchema,
  JSON_SCHEMA_DRAFT,
  templateSchema,
} from "../config-schema-parts.ts";

/** One or more people approve or reject; the reject path must be drawn. */
export const approvalDescriptor: NodeDescriptor = {
  type: "approval",
  label: "Approval",
  description: "Approvers approve or reject (any one, all, or a quorum), with comments and delegation.",
  paletteGroup: "work",
  icon: "M5 12l4 4l10-10",
  ports: { inputs: "many", outputs: "many" },
  outcomes: { fixed: ["approved", "rejected"], required: ["rejected"], timers: true },
  waits: true,
  personWork: "approval",
  expressionFields: ["/approvers/*/expression"],
  templateFields: ["/instructions"],
  propertySchema: {
    $schema: JSON_SCHEMA_DRAFT,
    type: "object",
    title: "Approval",
    properties: {
      approvers: {
        type: "array",
        title: "Approvers",
        minItems: 1,
        items: assigneeRuleSchema("Approver", "A person, a group, a role or a rule."),
      },
      mode: {
        type: "string",
        title: "Decision",
        enum: ["any", "all", "quorum"],
        default: "any",
      },
      quorum: {
        type: "integer",
        title: "Approvals needed",
        minimum: 1,
      },
      allowDelegation: {
        type: "boolean",
        title: "Allow delegation",
        default: false,
      },
      requireComment: {
        type: "string",
        title: "Comment required",
        enum: ["never", "on-reject", "always"],
        default: "on-reject",
      },
      form: definitionIdSchema("Approval form", "Extra fields the approver fills."),
      timers: attachedTimersSchema(),
      instructions: templateSchema("Instructions", "Shown to approvers; {{ cel }} placeholders allowed."),
    },
    required: ["approvers", "mode"],
    // A quorum needs its number; the validator still checks it against the approvers.
    if: { type: "object", properties: { mode: { const: "quorum" } }, required: ["mode"] },
    // biome-ignore lint/suspicious/noThenProperty: "then" is the JSON Schema conditional keyword.
    then: { type: "object", required: ["quorum"] },
    additionalProperties: false,
  },
  uiSchema: {
    "ui:order": [
      "approvers",
      "mode",
      "quorum",
      "requireComment",
      "allowDelegation",
      "form",
      "instructions",
      "timers",
    ],
    approvers: {
      "ui:help":
        "A rule picks approvers from the request, e.g. a form field holding the cost-centre owner's login.",
      items: assigneeRuleUiSchema("Everyone matched by one entry is asked."),
    },
    mode: {
      "ui:widget": "radio",
      "ui:help": "any: the first answer decides; all: everyone must approve; quorum: N approvals.",
    },
    quorum: { "ui:help": "Only used when the decision is quorum." },
    requireComment: { "ui:help": "A reject usually needs a reason the requester can read." },
    allowDelegation: { "ui:help": "Approvers may hand the decision to a colleague." },
    form: { "ui:widget": "formPicker" },
    timers: attachedTimersUiSchema(),
    instructions: { "ui:widget": "textarea" },
  },
  defaults: {
    // Built-in roles exist in every directory, so a new node never names a missing group.
    approvers: [{ kind: "role", role: "process-owner" }],
    mode: "any",
    requireComment: "on-reject",
  },
};
