import type { JoinConfig, NodeBehaviour } from "@flowdesk/core";

/** Waits for every branch its fork started that is still alive; fires once. */
export const joinBehaviour: NodeBehaviour<JoinConfig> = {
  enter(ctx) {
    ctx.join();
  },
};
