import type { CommandContext, CommandResult } from "./command.ts";
import { commands } from "./commands.ts";

export const mainHelp = (): string => {
  const width = Math.max(...commands.map((command) => command.name.length));
  const lines = commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`);
  return [
    "Usage: flowdesk <command> [options]",
    "",
    "Commands:",
    ...lines,
    "",
    "Run `flowdesk <command> --help` for a command's options.",
  ].join("\n");
};

/** Parses argv, runs one command and turns any failure into one clear line (no stack trace). */
export const runCli = async (argv: string[], context: CommandContext): Promise<CommandResult> => {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    return { exitCode: name === undefined ? 2 : 0, stdout: mainHelp() };
  }
  const command = commands.find((candidate) => candidate.name === name);
  if (!command) {
    return { exitCode: 2, stderr: `flowdesk: unknown command "${name}"\n\n${mainHelp()}` };
  }
  try {
    return await command.run(rest, context);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { exitCode: 2, stderr: `flowdesk ${name}: ${message}` };
  }
};
