import type { NodeBehaviour, WaitMessageConfig } from "@flowdesk/core";

/**
 * Waits for a named message (e.g. "vendor-replied"). The correlation key is evaluated
 * on entry; only a message carrying the same key resumes this token, and its data is
 * merged into the variables.
 */
export const waitMessageBehaviour: NodeBehaviour<WaitMessageConfig> = {
  enter(ctx) {
    const key = ctx.evaluate(ctx.node.config.correlationKey);
    ctx.wait({ kind: "message", message: ctx.node.config.message, correlationKey: String(key) });
  },

  resume(ctx, event) {
    if (event.type !== "message.deliver") return;
    if (event.data && Object.keys(event.data).length > 0) ctx.setVariables(event.data);
    ctx.leave();
  },
};
