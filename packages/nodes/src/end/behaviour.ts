import type { EndConfig, NodeBehaviour } from "@flowdesk/core";

/** Ends the token (the instance when it was the last); terminate ends every other token too. */
export const endBehaviour: NodeBehaviour<EndConfig> = {
  enter(ctx) {
    ctx.end(ctx.node.config.outcome, ctx.node.config.terminate === true);
  },
};
