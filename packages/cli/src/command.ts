export interface CommandContext {
  cwd: string;
}

/** Commands return their output instead of printing, so tests and the shell share one path. */
export interface CommandResult {
  exitCode: number;
  stdout?: string;
  stderr?: string;
}

export interface Command {
  name: string;
  summary: string;
  help: string;
  run: (args: string[], context: CommandContext) => Promise<CommandResult>;
}
