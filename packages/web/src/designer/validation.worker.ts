import { validateDefinition } from "@flowdesk/core";
import { nodeRegistry } from "@flowdesk/nodes/descriptors";

/*
 * Runs core's validator off the main thread: checking a 1,000-step workflow takes tens of
 * milliseconds (hundreds on the first, cold run), which must never freeze the canvas.
 */

interface ValidationRequest {
  sequence: number;
  definition: unknown;
}

const scope = globalThis as unknown as {
  addEventListener(type: "message", listener: (event: MessageEvent<ValidationRequest>) => void): void;
  postMessage(message: unknown): void;
};

scope.addEventListener("message", (event) => {
  const { sequence, definition } = event.data;
  scope.postMessage({ sequence, problems: validateDefinition(definition, { registry: nodeRegistry }) });
});
