import { validateDefinition } from "@flowdesk/core";
import { nodeRegistry } from "@flowdesk/nodes/descriptors";
import { type DefinitionDelta, DeltaDecoder } from "./model/definition-delta.ts";

/*
 * Runs core's validator off the main thread: checking a 1,000-step workflow takes tens of
 * milliseconds (hundreds on the first, cold run), which must never freeze the canvas.
 * The workflow arrives as a delta of the previous one, and the related definitions (its
 * forms...) once per change, so each check copies little more than what was edited.
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

scope.addEventListener("message", (event) => {
  const message = event.data;
  if (message.type === "related") {
    related = message.related;
    return;
  }
  let definition: unknown;
  try {
    definition = decoder.decode(message.delta);
  } catch {
    // Out of step with the sender: start over, and ask for the whole workflow.
    decoder = new DeltaDecoder();
    scope.postMessage({ sequence: message.sequence, resend: true });
    return;
  }
  const options = related ? { registry: nodeRegistry, related } : { registry: nodeRegistry };
  scope.postMessage({ sequence: message.sequence, problems: validateDefinition(definition, options) });
});
