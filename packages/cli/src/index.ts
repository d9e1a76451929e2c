export type { CommandContext, CommandResult } from "./command.ts";
export { runCli } from "./run-cli.ts";
