import type { NodeBehaviour, StartConfig } from "@flowdesk/core";

/** The start form's data is already in the variables (the engine puts it there); go on. */
export const startBehaviour: NodeBehaviour<StartConfig> = {
  enter(ctx) {
    ctx.leave();
  },
};
