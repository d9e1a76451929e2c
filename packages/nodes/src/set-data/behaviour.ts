import type { NodeBehaviour, SetDataConfig } from "@flowdesk/core";

/** Assigns variables from expressions, in order, so a later one may use an earlier result. */
export const setDataBehaviour: NodeBehaviour<SetDataConfig> = {
  enter(ctx) {
    for (const { variable, expression } of ctx.node.config.assignments ?? []) {
      ctx.setVariables({ [variable]: ctx.evaluate(expression) });
    }
    ctx.leave();
  },
};
