import { validateDefinition, type WorkflowDefinition } from "@flowdesk/core";
import { nodeRegistry } from "@flowdesk/nodes/descriptors";
import { type DefinitionDelta, DeltaDecoder } from "./model/definition-delta.ts";

/*
 * Runs core's validator off the main thread: checking a 1,000-step workflow takes tens of
 * milliseconds (hundreds on the first, cold run), which must never freeze the canvas.
 * The workflow arrives as a delta of the previous one, and the related definitions (its
 * forms...) once per change, so each check copies little more than what was edited.
 * Every edit arrives; only the newest one waiting is checked, so edits made while a
 * check runs are checked together afterwards.
 */

export type ValidationMessage =
  | { type: "related"; related: readonly unknown[] | null }
  | { type: "check"; sequence: number; delta: DefinitionDelta };

export type ValidationReply =
  | { sequence: number; problems: import("@flowdesk/core").Problem[] }
  | { sequence: number; resend: true };

const scope = globalThis as unknown as {
  addEventListener(type: "message", listener: (event: MessageEvent<ValidationMessage>) => void): void;
  postMessage(message: ValidationReply): void;
};

let related: readonly unknown[] | null = null;
let decoder = new DeltaDecoder();
let newest: { sequence: number; definition: WorkflowDefinition } | undefined;

// Prepares the validator while the designer is still loading the workflow: the first
// check compiles the schemas and runs cold, several times slower than the next ones.
const SAMPLE: WorkflowDefinition = {
  schemaVersion: 1,
  kind: "workflow",
  id: "sample",
  title: "Sample",
  variables: { type: "object", properties: {} },
  nodes: [
    { id: "start", type: "start", name: "Start", config: {} },
    {
      id: "triage",
      type: "user-task",
      name: "Triage",
      config: { assignee: { kind: "group", group: "service-desk" } },
    },
    { id: "end", type: "end", name: "Resolved", config: { outcome: "resolved" } },
  ],
  edges: [
    { id: "edge-1", source: "start", target: "triage" },
    { id: "edge-2", source: "triage", target: "end" },
  ],
  layout: { nodes: { start: { x: 0, y: 0 }, triage: { x: 220, y: 0 }, end: { x: 440, y: 0 } } },
};
validateDefinition(SAMPLE, { registry: nodeRegistry });

// The check runs as a task of its own, queued behind messages already waiting: those
// are decoded first and replace `newest`, so a burst of edits costs one check.
const wake = new MessageChannel();
wake.port1.onmessage = () => {
  const job = newest;
  newest = undefined;
  if (!job) return;
  const options = related ? { registry: nodeRegistry, related } : { registry: nodeRegistry };
  scope.postMessage({ sequence: job.sequence, problems: validateDefinition(job.definition, options) });
};

scope.addEventListener("message", (event) => {
  const message = event.data;
  if (message.type === "related") {
    related = message.related;
    return;
  }
  try {
    const definition = decoder.decode(message.delta);
    if (!newest) wake.port2.postMessage(null);
    newest = { sequence: message.sequence, definition };
  } catch {
    // Out of step with the sender: start over, and ask for the whole workflow.
    decoder = new DeltaDecoder();
    newest = undefined;
    scope.postMessage({ sequence: message.sequence, resend: true });
  }
});
