import { FlowdeskError } from "@flowdesk/core";

/** Runs `action` and returns the FlowdeskError it throws (fails the test if it does not throw one). */
export const thrownBy = (action: () => unknown): FlowdeskError => {
  try {
    action();
  } catch (thrown) {
    if (thrown instanceof FlowdeskError) return thrown;
    throw new Error(`expected a FlowdeskError, got ${String(thrown)}`);
  }
  throw new Error("expected a FlowdeskError, but nothing was thrown");
};
