import type { ForkConfig, NodeBehaviour } from "@flowdesk/core";

/** One token per outgoing edge, all in a new parallel region the matching join closes. */
export const forkBehaviour: NodeBehaviour<ForkConfig> = {
  enter(ctx) {
    ctx.fork();
  },
};
