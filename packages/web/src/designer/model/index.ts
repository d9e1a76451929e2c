// Framework-free workflow designer: commands, undo stack, canvas mapping, layout, diff.
export * from "./auto-layout.ts";
export * from "./canvas-mapping.ts";
export * from "./clipboard.ts";
export * from "./command-stack.ts";
export * from "./commands/edge-commands.ts";
export * from "./commands/node-commands.ts";
export * from "./commands/selection-commands.ts";
export * from "./definition-delta.ts";
export * from "./designer-store.ts";
export * from "./element-ids.ts";
export * from "./layout-positions.ts";
export * from "./new-edge.ts";
export * from "./new-node.ts";
export * from "./workflow-command.ts";
export * from "./workflow-diff.ts";
export * from "./workflow-references.ts";
