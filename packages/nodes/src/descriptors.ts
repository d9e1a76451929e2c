import type { NodeDescriptor, NodeRegistry, NodeTypeId } from "@flowdesk/core";
import { approvalDescriptor } from "./approval/descriptor.ts";
import { decisionDescriptor } from "./decision/descriptor.ts";
import { endDescriptor } from "./end/descriptor.ts";
import { forkDescriptor } from "./fork/descriptor.ts";
import { joinDescriptor } from "./join/descriptor.ts";
import { notifyDescriptor } from "./notify/descriptor.ts";
import { serviceCallDescriptor } from "./service-call/descriptor.ts";
import { setDataDescriptor } from "./set-data/descriptor.ts";
import { startDescriptor } from "./start/descriptor.ts";
import { subprocessDescriptor } from "./subprocess/descriptor.ts";
import { timerDescriptor } from "./timer/descriptor.ts";
import { userTaskDescriptor } from "./user-task/descriptor.ts";
import { waitMessageDescriptor } from "./wait-message/descriptor.ts";

// The registry of node descriptors: browser-safe data the designer, the validator and the
// engine all read.
//
// Field pointers. `expressionFields` and `templateFields` hold JSON pointers relative to
// node.config (RFC 6901, so "~1" and "~0" escape "/" and "~"), with one extension: a
// segment "*" matches every item of an array or every value of an object. A pointer
// that matches nothing in a given config (an optional property left out, an assignee
// rule of another kind) is simply skipped. Examples:
//   "/date"                       timer: the one CEL expression
//   "/assignments/*/expression"   set-data: each assignment's value
//   "/headers/*"                  service-call: each header value template
//   "/approvers/*/expression"     approval: only the approvers given as a rule
// Conditions on decision edges are not config: they live on WorkflowEdge.condition.

export type PaletteGroupId = NodeDescriptor["paletteGroup"];

export interface PaletteGroup {
  id: PaletteGroupId;
  label: string;
  /** Node types in the order the palette lists them. */
  types: NodeTypeId[];
}

export const nodeRegistry: NodeRegistry = {
  start: startDescriptor,
  end: endDescriptor,
  "user-task": userTaskDescriptor,
  approval: approvalDescriptor,
  decision: decisionDescriptor,
  fork: forkDescriptor,
  join: joinDescriptor,
  timer: timerDescriptor,
  "service-call": serviceCallDescriptor,
  notify: notifyDescriptor,
  "set-data": setDataDescriptor,
  subprocess: subprocessDescriptor,
  "wait-message": waitMessageDescriptor,
} satisfies Record<NodeTypeId, NodeDescriptor>;

/** Palette sections, top to bottom, as the designer shows them. */
export const paletteGroups: readonly PaletteGroup[] = [
  { id: "events", label: "Events", types: ["start", "end", "timer", "wait-message"] },
  { id: "work", label: "Work", types: ["user-task", "approval"] },
  { id: "gateways", label: "Gateways", types: ["decision", "fork", "join"] },
  { id: "automation", label: "Automation", types: ["set-data", "notify", "service-call"] },
  { id: "flow", label: "Flow", types: ["subprocess"] },
];
