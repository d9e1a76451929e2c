import { ENGINE_ERRORS, incidentError, type NodeBehaviour, type SubprocessConfig } from "@flowdesk/core";

/**
 * Starts a child instance of another workflow with mapped input and waits for it. The
 * child's final variables are mapped back; cancelling this step cancels the child (the
 * engine emits subprocess.cancel for every child of a cancelled token).
 */
export const subprocessBehaviour: NodeBehaviour<SubprocessConfig> = {
  enter(ctx) {
    const config = ctx.node.config;
    const input: Record<string, unknown> = {};
    for (const [variable, expression] of Object.entries(config.input ?? {}))
      input[variable] = ctx.evaluate(expression);
    const childInstanceId = ctx.startSubprocess(config.workflow, input);
    ctx.wait({ kind: "subprocess", childInstanceId });
  },

  resume(ctx, event) {
    if (event.type === "subprocess.failed") {
      throw incidentError(
        ENGINE_ERRORS.subprocessFailed,
        `Subprocess ${event.childInstanceId} failed: ${event.error.message}`,
        { childInstanceId: event.childInstanceId, cause: event.error },
      );
    }
    if (event.type !== "subprocess.completed") return;
    const output: Record<string, unknown> = {};
    for (const [variable, expression] of Object.entries(ctx.node.config.output ?? {})) {
      output[variable] = ctx.evaluateOver(expression, event.variables);
    }
    ctx.record({
      type: "subprocess.completed",
      nodeId: ctx.node.id,
      tokenId: ctx.token.id,
      data: { childInstanceId: event.childInstanceId, ...(event.outcome ? { outcome: event.outcome } : {}) },
    });
    if (Object.keys(output).length > 0) ctx.setVariables(output);
    ctx.closeSubprocess(event.childInstanceId);
    ctx.leave();
  },
};
